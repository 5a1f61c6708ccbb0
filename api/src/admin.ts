import 'reflect-metadata';
import { ConfigError, createRootLogger, openDatabaseTarget } from '@mvp/common';
import { HttpException } from '@nestjs/common';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadApiConfig } from './core/config/api.config';
import { buildDataSourceOptions } from './core/database/data-source-options';
import { apiMigrations } from './migrations';
import { ApiTokenEntity } from './core/identity/tokens/api-token.entity';
import { ApiTokensService } from './core/identity/tokens/api-tokens.service';
import { UserEntity } from './core/identity/users/user.entity';
import { UsersService } from './core/identity/users/users.service';

const usage = `Usage:
  npm run admin -- user:create --email E --password P [--name N]
  npm run admin -- token:create --email E --name N [--read-only]`;

/** A mistake of the person at the keyboard: printed as one line, exit code 1. */
class UsageError extends Error {}

interface Services {
  users: UsersService;
  tokens: ApiTokensService;
}

type Flags = Record<string, string | boolean | undefined>;

const commands: Record<string, { flags: string[]; run(services: Services, flags: Flags): Promise<string[]> }> = {
  'user:create': {
    flags: ['email', 'password', 'name'],
    async run({ users }, flags) {
      const email = required(flags, 'email');
      const password = required(flags, 'password');
      if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw new UsageError(`"${email}" is not an email address`);
      if (password.length < 10 || password.length > 256) {
        throw new UsageError('--password needs 10 to 256 characters');
      }
      const name = optional(flags, 'name');
      const user = await users.createLocalAccount({ email, password, displayName: name });
      return [`Created the account ${user.email} (id ${user.id}).`];
    },
  },
  'token:create': {
    flags: ['email', 'name', 'read-only'],
    async run({ users, tokens }, flags) {
      const email = required(flags, 'email');
      const name = required(flags, 'name');
      const user = await users.findByEmail(email);
      if (!user) throw new UsageError(`No user has the email ${email}`);
      const access = flags['read-only'] ? 'read' : 'read_write';
      const { secret } = await tokens.issue(user.id, { name, access });
      const kind = access === 'read' ? 'read-only' : 'read-write';
      // The token is the last line, so scripts can take it with `tail -n 1`.
      return [`Created the ${kind} API token "${name}" for ${user.email}. It is shown only now:`, secret];
    },
  },
};

/** `npm run admin -- <command>`: account and token chores against the configured (or embedded) database. */
async function main(argv: string[]): Promise<string[]> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h') return usage.split('\n');
  if (!command) throw new UsageError(usage.replace(/\n\s*/g, ' | '));
  const spec = commands[command];
  if (!spec) throw new UsageError(`Unknown command "${command}". Commands: ${Object.keys(commands).join(', ')}`);
  const flags = parseFlags(rest, spec.flags);

  const config = loadApiConfig();
  const log = createRootLogger({ service: 'admin', level: 'warn', format: config.LOG_FORMAT });
  const target = await openDatabaseTarget(config, log, { embeddedMode: 'attach-or-run', command: 'admin' });
  const dataSource = new DataSource({
    ...buildDataSourceOptions(target, apiMigrations, (error) => log.warn(`Pool error: ${error.message}`)),
    entities: [UserEntity, ApiTokenEntity],
  });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    return await spec.run(
      {
        users: new UsersService(dataSource.getRepository(UserEntity)),
        tokens: new ApiTokensService(dataSource.getRepository(ApiTokenEntity)),
      },
      flags,
    );
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await target.embedded?.stop();
    log.flush();
  }
}

function parseFlags(args: string[], known: string[]): Flags {
  try {
    const { values } = parseArgs({
      args,
      options: Object.fromEntries(known.map((flag) => [flag, { type: flag === 'read-only' ? 'boolean' : 'string' }])),
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

main(process.argv.slice(2)).then(
  (lines) => {
    process.stdout.write(`${lines.join('\n')}\n`);
  },
  (error: unknown) => {
    const known = error instanceof UsageError || error instanceof ConfigError || error instanceof HttpException;
    const message = known ? (error as Error).message : `Failed: ${(error as Error).message}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    process.exit(1);
  },
);
