import type { Pool } from 'pg';
import type { LoadSettings } from './load';

/** One HTTP request of a load run; autocannon sends a side's requests in a loop on every connection. */
export interface BenchRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  /** Path and query, e.g. `/api/health`. */
  path: string;
  headers?: Record<string, string>;
  /** A string body (send JSON with `JSON.stringify` and a content-type header). */
  body?: string;
  /**
   * Changes the request just before it is sent (e.g. a different VIN each time, for cold-cache runs).
   * Runs in the load generator for every request: keep it cheap.
   */
  setupRequest?: (request: BenchRequest & { headers: Record<string, string> }) => BenchRequest;
}

/**
 * Which server a side measures:
 * - `'api'`: the built API (`dist/`), started by the bench with its logs going to `bench/results/`;
 * - `{ bare: 'health' }`: the baseline server `bench/bare/health.ts`, started as its own process with
 *   `DATABASE_URL`, `DATABASE_POOL_SIZE` and, when set, `REDIS_URL` in its environment, plus `env(state)`.
 */
export type ServerSpec<State> = 'api' | { bare: string; env?: (state: State) => Record<string, string> };

export interface Side<State> {
  /** Shown in the table: "ours", "bare", "ours (public route)"… */
  label: string;
  server: ServerSpec<State>;
  /** The request sequence, built from what `prepare` returned. */
  requests: (state: State) => BenchRequest[];
}

/** What `setup` gets: nothing runs yet but the scenario's own fresh, empty database. */
export interface SetupContext {
  databaseUrl: string;
  /** Registers work to undo after the scenario (both servers stopped), last registered first. */
  onCleanup(work: () => Promise<void> | void): void;
  log(message: string): void;
}

/** What `setup` may hand on: environment for the API process and for the bare servers. */
export interface SetupResult {
  apiEnv?: Record<string, string>;
  bareEnv?: Record<string, string>;
}

/** What `prepare` gets: the API is running (migrations applied) on the scenario's own fresh database. */
export interface PrepareContext {
  /** Base URL of the running API, e.g. `http://127.0.0.1:41234`. */
  apiUrl: string;
  /** The scenario's database (the API's and every bare server's). */
  databaseUrl: string;
  /** The extra environment the API was started with (`setup`'s, the scenario's, `--api-env`). */
  apiEnv: Record<string, string>;
  /** A small pool on that database, for seeding; closed by the bench when `prepare` returns. */
  db: Pool;
  /** Registers work to undo after the scenario (both servers stopped), last registered first. */
  onCleanup(work: () => Promise<void> | void): void;
  /** Writes a progress line. */
  log(message: string): void;
}

/** What every scenario has, whatever it measures. */
export interface ScenarioBase<State> {
  /** Short, unique, used on the command line (`npm run bench -- health`). */
  name: string;
  /** One line: what is compared with what. */
  title: string;
  /** The goal in words, e.g. "ours ≥ 0.8 × bare requests/s". */
  goal: string;
  /** Extra environment for the API process (on top of the bench's own settings). */
  apiEnv?: Record<string, string>;
  /**
   * Runs first, before the API starts: start what the servers need besides PostgreSQL and Redis
   * (e.g. the platform service, stopped through `onCleanup`) and say where it is.
   */
  setup?: (context: SetupContext) => Promise<SetupResult | void>;
  /** Runs once, after the API is ready and before anything is measured: seed data, get a token… */
  prepare?: (context: PrepareContext) => Promise<State>;
}

/** Two sides under the same autocannon load, one after the other, compared by requests/s. */
export interface Scenario<State = undefined> extends ScenarioBase<State> {
  /** The scenario passes when subject requests/s ÷ baseline requests/s is at least this. */
  minRatio: number;
  /** Latency goals for the subject, judged besides the ratio (e.g. `{ p50Ms: 2, p99Ms: 10 }`). */
  latencyGoal?: { p50Ms?: number; p99Ms?: number };
  /** Concurrent connections for this scenario, instead of the bench's (e.g. 1 to time single requests). */
  connections?: number;
  /** Seconds of warm-up before each measured run; the bench default when unset (0 = none, e.g. cold caches). */
  warmupSeconds?: number;
  /** What is being judged ("ours"). */
  subject: Side<State>;
  /** What it is compared with: a bare server, or another route of ours. */
  baseline: Side<State>;
}

/** What a scripted scenario's `run` gets: the running API, its process, and what `prepare` returned. */
export interface RunContext<State> {
  apiUrl: string;
  /** The API's process id, to watch its memory (`bench/lib/memory.ts`). */
  apiPid: number;
  state: State;
  /**
   * Connections and measured seconds: `--connections` / `--duration` when given, else the scenario's
   * own `load`, else the bench's defaults.
   */
  load: LoadSettings;
  log(message: string): void;
}

/** A scripted scenario's figures: its own table, printed below the summary, and the goal's verdict. */
export interface ScriptedReport {
  columns: string[];
  rows: string[][];
  passed: boolean;
  /** One line saying how the goal was met or missed, e.g. "RSS grew by 12 MB (goal < 50 MB)". */
  verdict: string;
  /** How the figures were taken, shown under the table. */
  notes?: string[];
  /** For the summary table: the API's resident memory when `run` ended, and its peak during `run`. */
  rssEndMb?: number;
  rssPeakMb?: number;
}

/**
 * A scenario that drives the API itself instead of putting it under autocannon's load (e.g. a few
 * large transfers), and reports its own figures and verdict.
 */
export interface ScriptedScenario<State = undefined> extends ScenarioBase<State> {
  /** The goal in a few words for the summary table's Goal column, e.g. "RSS growth < 50 MB". */
  shortGoal: string;
  /** Its own load when it drives one (e.g. 100 connections for 60 s); the command line's options win. */
  load?: Partial<LoadSettings>;
  run: (context: RunContext<State>) => Promise<ScriptedReport>;
}

export function isScripted<State>(
  scenario: Scenario<State> | ScriptedScenario<State>,
): scenario is ScriptedScenario<State> {
  return 'run' in scenario;
}

/** Identity function that lets TypeScript infer `State` from `prepare` for the rest of the scenario. */
export function defineScenario<State = undefined>(scenario: Scenario<State>): Scenario<State> {
  return scenario;
}

/** The same for a scripted scenario. */
export function defineScriptedScenario<State = undefined>(scenario: ScriptedScenario<State>): ScriptedScenario<State> {
  return scenario;
}

/**
 * One POST sent over and over with a new JSON body each time: `bodyOf(sent)` gets 1, 2, 3… (so a
 * write can be later and further than the last) and the vehicle its turn falls on.
 */
export function everNewPosts(
  path: string,
  headers: Record<string, string>,
  vehicleIds: string[],
  bodyOf: (sent: number, vehicleId: string) => object,
): BenchRequest[] {
  let sent = 0;
  const body = () => {
    sent += 1;
    return JSON.stringify(bodyOf(sent, vehicleIds[sent % vehicleIds.length]));
  };
  return [{ method: 'POST', path, headers, body: body(), setupRequest: (request) => ({ ...request, body: body() }) }];
}
