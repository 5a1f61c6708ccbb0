import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './api-process';

const run = promisify(execFile);

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one of the project's one-off commands (`api/src/admin.ts`, `api/src/migrate.ts`) as `npm run`
 * does, with `env` over this process's environment (a key set to undefined is removed).
 */
export async function runCommand(script: string, args: string[], env: Record<string, string | undefined>) {
  const merged: NodeJS.ProcessEnv = { ...process.env, LOG_FORMAT: 'json', ...env };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  try {
    const { stdout, stderr } = await run(join(repoRoot, 'node_modules/.bin/tsx'), [script, ...args], {
      cwd: repoRoot,
      env: merged,
    });
    return { code: 0, stdout, stderr } satisfies CommandResult;
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr } satisfies CommandResult;
  }
}

/** `npm run admin -- …` */
export const adminCommand = (env: Record<string, string | undefined>, ...args: string[]) =>
  runCommand('api/src/admin.ts', args, env);

/** The last line a command printed: the secret, for `token:create`. */
export const lastLine = (text: string) => text.trim().split('\n').at(-1) ?? '';

/** Creates an account and a read-write API token with the admin command; returns the token. */
export async function adminAccountToken(env: Record<string, string | undefined>, email: string): Promise<string> {
  const user = await adminCommand(env, 'user:create', '--email', email, '--password', 'correct horse battery');
  if (user.code !== 0) throw new Error(`admin user:create failed: ${user.stderr}`);
  const token = await adminCommand(env, 'token:create', '--email', email, '--name', 'test script');
  if (token.code !== 0) throw new Error(`admin token:create failed: ${token.stderr}`);
  return lastLine(token.stdout);
}
