import type { Measurement } from './load';
import type { ScriptedReport } from './scenario';

export interface SideResult {
  label: string;
  /** `api` or `bare/<name>`. */
  server: string;
  measurement?: Measurement;
  rssIdleMb?: number;
  /** Size of the server's log file after the scenario. */
  logMb?: number;
}

export interface ScenarioResult {
  name: string;
  title: string;
  goal: string;
  minRatio: number;
  latencyGoal?: { p50Ms?: number; p99Ms?: number };
  connections?: number;
  subject: SideResult;
  baseline: SideResult;
  ratio?: number;
  passed?: boolean;
  error?: string;
}

/** What a scripted scenario gave: its own report, or the error that stopped it. */
export interface ScriptedResult {
  kind: 'scripted';
  name: string;
  title: string;
  goal: string;
  shortGoal: string;
  rssIdleMb?: number;
  report?: ScriptedReport;
  error?: string;
}

export type AnyResult = ScenarioResult | ScriptedResult;

const isScriptedResult = (result: AnyResult): result is ScriptedResult => 'kind' in result;

export interface RunInfo {
  date: string;
  commit: string;
  node: string;
  cpus: string;
  loadAverage: string;
  database: string;
  cache: string;
  settings: string;
}

const headers = [
  'Scenario',
  'Server',
  'Req/s',
  'p50 ms',
  'p99 ms',
  'CPU µs/req',
  'Ratio',
  'Goal',
  'Result',
  'RSS idle MB',
  'RSS end MB',
];

function rows(results: AnyResult[]): string[][] {
  return results.flatMap((result) => {
    if (isScriptedResult(result)) return [scriptedRow(result)];
    const verdict = result.error ? 'ERROR' : result.passed ? 'pass' : 'MISS';
    const goal = [`≥ ${result.minRatio.toFixed(2)}`, ...latencyGoalWords(result)].join(', ');
    return [
      row(result.name, result.subject, fixed(result.ratio, 2), goal, verdict),
      row('', result.baseline, result.baseline.measurement ? '1.00' : '', '', ''),
    ];
  });
}

function row(name: string, side: SideResult, ratio: string, goal: string, verdict: string): string[] {
  const m = side.measurement;
  return [
    name,
    side.label,
    m ? Math.round(m.requestsPerSecond).toString() : '-',
    fixed(m?.p50, 2),
    fixed(m?.p99, 2),
    fixed(m?.cpuMicrosPerRequest, 0),
    ratio || '-',
    goal,
    verdict,
    fixed(side.rssIdleMb, 0),
    m?.rssEndMb === undefined ? '-' : `${fixed(m.rssEndMb, 0)} (peak ${fixed(m.rssPeakMb, 0)})`,
  ];
}

/** A scripted scenario's line in the summary: its verdict and the API's memory; its figures follow below. */
function scriptedRow(result: ScriptedResult): string[] {
  const report = result.report;
  const verdict = result.error ? 'ERROR' : report?.passed ? 'pass' : 'MISS';
  const end = report?.rssEndMb;
  return [
    result.name,
    'ours (scripted, see below)',
    '-',
    '-',
    '-',
    '-',
    '-',
    result.shortGoal,
    verdict,
    fixed(result.rssIdleMb, 0),
    end === undefined ? '-' : `${fixed(end, 0)} (peak ${fixed(report?.rssPeakMb, 0)})`,
  ];
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '-' : value.toFixed(digits);
}

/** Left-aligned text columns for the terminal: the summary, then each scripted scenario's own table. */
export function textTable(results: AnyResult[]): string {
  const scripted = results.filter(isScriptedResult).flatMap((result) => {
    if (!result.report) return [];
    const { columns, rows: cells, notes = [] } = result.report;
    return [
      '',
      `${result.name}: ${result.title}`,
      alignedText([columns, ...cells]),
      ...notes.map((note) => `- ${note}`),
    ];
  });
  return [alignedText([headers, ...rows(results)]), ...scripted].join('\n');
}

function alignedText(all: string[][]): string {
  const widths = all[0].map((_, column) => Math.max(...all.map((cells) => cells[column].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  return [line(all[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...all.slice(1).map(line)].join('\n');
}

/** Lines that must not go unnoticed: missed goals and errors. */
export function verdictLines(results: AnyResult[]): string[] {
  return results.flatMap((result) => {
    if (result.error) return [`ERROR ${result.name}: ${result.error}`];
    if (isScriptedResult(result)) {
      return result.report?.passed ? [] : [`MISSED GOAL ${result.name}: ${result.report?.verdict}`];
    }
    if (!result.passed) {
      const m = result.subject.measurement;
      return [
        `MISSED GOAL ${result.name}: ${result.subject.label} reached ${fixed(result.ratio, 2)} of ${result.baseline.label}` +
          `${m ? `, p50 ${fixed(m.p50, 2)} ms, p99 ${fixed(m.p99, 2)} ms` : ''}` +
          `, API peak RSS ${fixed(apiPeakRssMb(result), 0)} MB (goal: ${result.goal}; API RSS ≤ ${apiPeakRssGoalMb} MB)`,
      ];
    }
    return [];
  });
}

function latencyGoalWords(result: ScenarioResult): string[] {
  const goal = result.latencyGoal ?? {};
  return [
    goal.p50Ms !== undefined ? `p50 < ${goal.p50Ms} ms` : '',
    goal.p99Ms !== undefined ? `p99 < ${goal.p99Ms} ms` : '',
    `API RSS ≤ ${apiPeakRssGoalMb} MB`,
  ].filter(Boolean);
}

/** Every scenario's memory goal: the API's resident memory at its peak under load (a small server's budget). */
export const apiPeakRssGoalMb = 200;

/** The highest peak RSS of the sides the API served, when it was sampled. */
export function apiPeakRssMb(result: ScenarioResult): number | undefined {
  const peaks = [result.subject, result.baseline]
    .filter((side) => side.server === 'api')
    .map((side) => side.measurement?.rssPeakMb)
    .filter((peak): peak is number => peak !== undefined);
  return peaks.length > 0 ? Math.max(...peaks) : undefined;
}

/** Whether the subject met the scenario's ratio, its latency goals when it has them, and the API's memory goal. */
export function meetsGoals(result: ScenarioResult): boolean {
  const m = result.subject.measurement;
  const goal = result.latencyGoal ?? {};
  if (!m || result.ratio === undefined || result.ratio < result.minRatio) return false;
  if ((apiPeakRssMb(result) ?? 0) > apiPeakRssGoalMb) return false;
  return (goal.p50Ms === undefined || m.p50 < goal.p50Ms) && (goal.p99Ms === undefined || m.p99 < goal.p99Ms);
}

export function markdown(info: RunInfo, results: AnyResult[]): string {
  const problems = results.flatMap((result) => {
    if (result.error) return [`**ERROR ${result.name}:**`, '', '```text', result.error, '```', ''];
    const missed = verdictLines([result]);
    return missed.length === 0 ? [] : [`**${missed[0]}**`, ''];
  });
  const scenarios = results.map((result) => {
    if (isScriptedResult(result)) return scriptedMarkdown(result);
    const sides = [result.subject, result.baseline].map((side) => {
      const m = side.measurement;
      const parts = [
        `server \`${side.server}\``,
        m && `${m.requests} requests in ${m.seconds.toFixed(2)} s (per second ${m.perSecond.min}–${m.perSecond.max})`,
        m &&
          `status ${Object.entries(m.statusCodes)
            .map(([code, count]) => `${code}×${count}`)
            .join(', ')}`,
        side.logMb !== undefined && `log ${side.logMb.toFixed(1)} MB`,
      ].filter(Boolean);
      return `  - ${side.label}: ${parts.join('; ')}`;
    });
    return [`- **${result.name}**: ${result.title}. Goal: ${result.goal}.`, ...sides].join('\n');
  });
  return [
    '# Benchmark results',
    '',
    `- Date: ${info.date}`,
    `- Commit: ${info.commit}`,
    `- Node: ${info.node}`,
    `- CPUs: ${info.cpus}`,
    `- Load average (1 min) before → after: ${info.loadAverage}`,
    `- Database: ${info.database}`,
    `- Cache: ${info.cache}`,
    `- Settings: ${info.settings}`,
    '',
    markdownTable([headers, ...rows(results)]),
    '',
    ...(problems.length > 0 ? problems : ['All goals met.', '']),
    '## Scenarios',
    '',
    ...scenarios,
    '',
    'Columns are explained in `bench/README.md`. Written by `npm run bench`.',
    '',
  ].join('\n');
}

function markdownTable([head, ...body]: string[][]): string {
  return [head, head.map(() => '---'), ...body]
    .map((cells) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`)
    .join('\n');
}

function scriptedMarkdown(result: ScriptedResult): string {
  const heading = `- **${result.name}**: ${result.title}. Goal: ${result.goal}.`;
  const report = result.report;
  if (!report) return heading;
  return [
    heading,
    `  ${report.passed ? 'Met' : 'Missed'}: ${report.verdict}.`,
    '',
    markdownTable([report.columns, ...report.rows]),
    '',
    ...(report.notes ?? []).map((note) => `- ${note}`),
    '',
  ].join('\n');
}
