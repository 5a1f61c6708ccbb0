/** One sample of the Prometheus text exposition format: `name{label="value",…} 1.5`. */
export interface PrometheusSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const metricName = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const labelPair = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
// Prometheus reads values with Go's ParseFloat: Inf and NaN in any case (prom-client writes an empty summary's mean as `Nan`).
const number = '[+-]?(?:[Ii][Nn][Ff]|[Nn][Aa][Nn]|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?)';
const sampleLine = new RegExp(
  `^(${metricName})(?:\\{((?:${labelPair})(?:,${labelPair})*)?,?\\})? (${number})(?: -?[0-9]+)?$`,
);
const helpLine = new RegExp(`^# HELP ${metricName} .*$`);
const typeLine = new RegExp(`^# TYPE (${metricName}) (counter|gauge|histogram|summary|untyped)$`);
const labelPairs = new RegExp(`([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`, 'g');

/**
 * Parses the text format (version 0.0.4) strictly: every line is a HELP, a TYPE, a sample or blank,
 * each metric is typed once, and a sample belongs to a typed metric (histograms by their
 * `_bucket`, `_sum` and `_count`). Throws naming the first line that is not.
 */
export function parsePrometheusText(text: string): PrometheusSample[] {
  const types = new Map<string, string>();
  const samples: PrometheusSample[] = [];
  text.split('\n').forEach((line, index) => {
    const fail = (why: string) => {
      throw new Error(`Line ${index + 1} ${why}: ${line}`);
    };
    if (line === '' || helpLine.test(line)) return;
    const typed = typeLine.exec(line);
    if (typed) {
      if (types.has(typed[1])) fail('types a metric twice');
      types.set(typed[1], typed[2]);
      return;
    }
    if (line.startsWith('#')) fail('is a comment of no known kind');
    const sample = sampleLine.exec(line);
    if (!sample) return fail('is not a sample');
    const [, name, labelText, value] = sample;
    const family = [name, name.replace(/_(bucket|sum|count)$/, '')].find((candidate) => types.has(candidate));
    if (!family) fail('has no TYPE line before it');
    const labels = Object.fromEntries([...(labelText ?? '').matchAll(labelPairs)].map(([, key, raw]) => [key, raw]));
    samples.push({ name, labels, value: Number(value.replace(/inf/i, 'Infinity').replace(/nan/i, 'NaN')) });
  });
  return samples;
}

/** The samples named `name` whose labels include `labels`. */
export function samplesOf(
  samples: PrometheusSample[],
  name: string,
  labels: Record<string, string> = {},
): PrometheusSample[] {
  return samples.filter(
    (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
}
