import 'reflect-metadata';
import {
  ConfigError,
  createRootLogger,
  describeDatabaseTlsFailure,
  openDatabaseTarget,
  runMigrationsExclusively,
  secretsDirOf,
} from '@mvp/common';
import { HttpException } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { ApiConfig, loadApiConfig } from './core/config/api.config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { apiMigrations } from './migrations';
import { ApiTokenEntity } from './core/identity/tokens/api-token.entity';
import { ApiTokensService } from './core/identity/tokens/api-tokens.service';
import { UserEntity } from './core/identity/users/user.entity';
import { UsersService } from './core/identity/users/users.service';
import { createDocumentStorage, DocumentsCheck, describeDocumentsCheck } from './features/documents';

const usage = `Usage:
  npm run admin -- user:create --email E --password P [--name N]
  npm run admin -- token:create --email E --name N [--read-only]
  npm run admin -- documents:check [--fix] [--older-than MINUTES]`;

/** A mistake of the person at the keyboard: printed as one line, exit code 1. */
class UsageError extends Error {}

interface Services {
  users: UsersService;
  tokens: ApiTokensService;
  dataSource: DataSource;
  config: ApiConfig;
}

type Flags = Record<string, string | boolean | undefined>;

/** What a command prints, and its exit code when that is not 0. */
interface Outcome {
  lines: string[];
  exitCode?: number;
}

interface Command {
  flags: Record<string, 'string' | 'boolean'>;
  run(services: Services, flags: Flags): Promise<Outcome>;
}

/** Exit code of `documents:check` when it found problems and was not asked to fix them. */
const problemsFound = 2;

const commands: Record<string, Command> = {
  'user:create': {
    flags: { email: 'string', password: 'string', name: 'string' },
    async run({ users }, flags) {
      const email = required(flags, 'email');
      const password = required(flags, 'password');
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`"${email}" is not an email address`);
      if (password.length < 10 || password.length > 256) {
        throw new UsageError('--password needs 10 to 256 characters');
      }
      const name = optional(flags, 'name');
      const user = await users.createLocalAccount({ email, password, displayName: name });
      return { lines: [`Created the account ${user.email} (id ${user.id}).`] };
    },
  },
  'token:create': {
    flags: { email: 'string', name: 'string', 'read-only': 'boolean' },
    async run({ users, tokens }, flags) {
      const email = required(flags, 'email');
      const name = required(flags, 'name');
      const user = await users.findByEmail(email);
      if (!user) throw new UsageError(`No user has the email ${email}`);
      const access = flags['read-only'] ? 'read' : 'read_write';
      const { secret } = await tokens.issue(user.id, { name, access });
      const kind = access === 'read' ? 'read-only' : 'read-write';
      // The token is the last line, so scripts can take it with `tail -n 1`.
      return { lines: [`Created the ${kind} API token "${name}" for ${user.email}. It is shown only now:`, secret] };
    },
  },
  'documents:check': {
    flags: { fix: 'boolean', 'older-than': 'string' },
    async run({ dataSource, config }, flags) {
      const olderThanMinutes = minutes(flags, 'older-than', 15);
      const storage = createDocumentStorage(config);
      try {
        const report = await DocumentsCheck.over(dataSource, storage).run({
          fix: flags.fix === true,
          olderThanMinutes,
        });
        return {
          lines: describeDocumentsCheck(report),
          exitCode: report.problems > 0 && !report.fixed ? problemsFound : 0,
        };
      } finally {
        await storage.close();
      }
    },
  },
};

/** `npm run admin -- <command>`: account, token and document chores against the configured (or embedded) database. */
async function main(argv: string[]): Promise<Outcome> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return { lines: usage.split('\n') };
  if (!command) throw new UsageError(usage.replace(/\n\s*/g, ' | '));
  const spec = commands[command];
  if (!spec) throw new UsageError(`Unknown command "${command}". Commands: ${Object.keys(commands).join(', ')}`);
  const flags = parseFlags(rest, spec.flags);

  const config = loadApiConfig();
  const log = createRootLogger({ service: 'admin', level: 'warn', format: config.LOG_FORMAT });
  const target = await openDatabaseTarget(config, log, {
    embeddedMode: 'attach-or-run',
    command: 'admin',
    secretsDir: secretsDirOf(),
  });
  const dataSource = new DataSource({
    ...buildDataSourceOptions(target, apiMigrations, (error) => log.warn(`Pool error: ${error.message}`)),
    entities: [UserEntity, ApiTokenEntity],
  });
  try {
    await dataSource.initialize();
    await runMigrationsExclusively(dataSource);
    return await spec.run(
      {
        users: new UsersService(dataSource.getRepository(UserEntity)),
        tokens: new ApiTokensService(dataSource.getRepository(ApiTokenEntity)),
        dataSource,
        config,
      },
      flags,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await target.embedded?.stop();
    log.flush();
  }
}

function parseFlags(args: string[], known: Command['flags']): Flags {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(Object.entries(known).map(([flag, type]) => [flag, { type }])),
      strict: true,
      allowPositionals: false,
    });
    return values as Flags;
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string' || !value.trim()) throw new UsageError(`--${name} is required`);
  return value.trim();
}

function optional(flags: Flags, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/** A whole number of minutes, 0 or more; `fallback` when the flag is not given. */
function minutes(flags: Flags, name: string, fallback: number): number {
  const value = optional(flags, name);
  if (value === undefined) return fallback;
  if (!/^\d{1,6}$/.test(value)) throw new UsageError(`--${name} takes a whole number of minutes, got "${value}"`);
  return Number(value);
}

main(process.argv.slice(2)).then(
  ({ lines, exitCode }) => {
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exitCode = exitCode ?? 0;
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof HttpException;
    const message = known
      ? (error as Error).message
      : (describeDatabaseTlsFailure(error) ?? `Failed: ${(error as Error).message}`);
    process.stderr.write(`${message.split('\n')[0]}\n`);
    process.exit(1);
  },
);
