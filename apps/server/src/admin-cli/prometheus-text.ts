/**
 * A strict reader of the Prometheus text exposition format (0.0.4): what `manage check-*` reads
 * from the processes' `/metrics`, and what the tests hold those endpoints to. Anything outside the
 * format (a bad name, an unescaped quote, a sample before its TYPE, a duplicate series) throws.
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string;
  samples: Sample[];
}

export class ExpositionError extends Error {}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Record<MetricType, string[]> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const series = new Set<string>();
  const fail = (line: number, why: string): never => {
    throw new ExpositionError(`line ${line}: ${why}`);
  };
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const n = i + 1;
    if (raw.trim() === '') return;
    if (raw.startsWith('#')) {
      const meta = /^# (HELP|TYPE) (\S+)(?: (.*))?$/.exec(raw);
      if (!meta) return; // a plain comment
      const [, kind, name, rest = ''] = meta;
      if (!NAME.test(name)) fail(n, `invalid metric name "${name}"`);
      let family = families.get(name);
      if (kind === 'TYPE') {
        if (!TYPES.has(rest as MetricType)) fail(n, `unknown type "${rest}"`);
        if (family?.samples.length) fail(n, `TYPE of ${name} after its samples`);
        if (family?.type !== undefined && family.type !== 'untyped')
          fail(n, `second TYPE for ${name}`);
        family = { name, help: family?.help ?? '', samples: [], type: rest as MetricType };
        families.set(name, family);
      } else {
        if (family?.help) fail(n, `second HELP for ${name}`);
        family ??= { name, type: 'untyped', help: '', samples: [] };
        family.help = rest.replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
        families.set(name, family);
      }
      return;
    }
    const sample = parseSample(raw, (why) => fail(n, why));
    const family = familyOf(sample.name, families);
    if (!family) fail(n, `sample ${sample.name} has no TYPE`);
    const key = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (series.has(key)) fail(n, `duplicate series ${key}`);
    series.add(key);
    family?.samples.push(sample);
  });
  return families;
}

function familyOf(name: string, families: Map<string, MetricFamily>): MetricFamily | undefined {
  for (const [familyName, family] of families) {
    for (const suffix of SUFFIXES[family.type]) if (name === familyName + suffix) return family;
  }
  return undefined;
}

function parseSample(line: string, fail: (why: string) => never): Sample {
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (!nameMatch) fail(`invalid sample "${line}"`);
  const name = nameMatch?.[0] ?? '';
  let at = name.length;
  const labels: Record<string, string> = {};
  if (line[at] === '{') {
    at++;
    while (line[at] !== '}') {
      const labelMatch = /^([a-zA-Z_][a-zA-Z0-9_]*)="/.exec(line.slice(at));
      if (!labelMatch || !LABEL.test(labelMatch[1])) fail(`invalid label at column ${at + 1}`);
      const label = labelMatch?.[1] ?? '';
      at += (labelMatch?.[0] ?? '').length;
      let value = '';
      for (;;) {
        const c = line[at];
        if (c === undefined) fail('unterminated label value');
        if (c === '"') break;
        if (c === '\\') {
          const next = line[at + 1];
          if (next === 'n') value += '\n';
          else if (next === '\\' || next === '"') value += next;
          else fail(`invalid escape \\${next ?? ''}`);
          at += 2;
        } else {
          value += c;
          at++;
        }
      }
      at++;
      if (label in labels) fail(`label ${label} given twice`);
      labels[label] = value;
      if (line[at] === ',') at++;
      else if (line[at] !== '}') fail(`expected , or } at column ${at + 1}`);
    }
    at++;
  }
  const rest = /^ (\S+)(?: (-?\d+))?$/.exec(line.slice(at));
  if (!rest) fail(`invalid value in "${line}"`);
  const value = parseValue(rest?.[1] ?? '');
  if (value === null) fail(`invalid value "${rest?.[1]}"`);
  return { name, labels, value: value ?? 0 };
}

/**
 * A sample value as Prometheus reads it (Go's ParseFloat): `NaN` and `Inf` in any case, so the
 * `Nan` prom-client writes for a not-yet-measured event-loop lag is read as Prometheus reads it.
 */
function parseValue(text: string): number | null {
  if (/^\+?inf(inity)?$/i.test(text)) return Infinity;
  if (/^-inf(inity)?$/i.test(text)) return -Infinity;
  if (/^nan$/i.test(text)) return NaN;
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) ? Number(text) : null;
}

/** The value of one series (labels matched exactly when given), or undefined. */
export function sampleValue(
  families: Map<string, MetricFamily>,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const family of families.values()) {
    for (const s of family.samples) {
      if (s.name !== name) continue;
      if (Object.entries(labels).every(([k, v]) => s.labels[k] === v)) return s.value;
    }
  }
  return undefined;
}
