/**
 * A small typed schema for bridge config files: each field parses a raw value (from YAML, INI or
 * the environment, where everything may be a string) into its typed value, or throws a
 * `ConfigError` naming the key. The parsed config's type is inferred from the schema.
 */

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Parsed<F> = F extends Field<infer T> ? T : never;

export abstract class Field<T> {
  /** Never printed: logs and /health show `***` instead. */
  secret = false;

  abstract parse(value: unknown, path: string): T;

  /** Leaves that the environment may override (scalars only). */
  get isScalar(): boolean {
    return true;
  }
}

function fail(path: string, problem: string, value?: unknown): never {
  const shown =
    value === undefined ? '' : ` (got ${JSON.stringify(value)?.slice(0, 60) ?? String(value)})`;
  throw new ConfigError(`${path}: ${problem}${shown}`);
}

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

interface ScalarOptions<T> {
  default?: T;
  secret?: boolean;
}

class StringField<T extends string = string> extends Field<T> {
  constructor(private readonly options: ScalarOptions<T> & { oneOf?: readonly T[] } = {}) {
    super();
    this.secret = options.secret ?? false;
  }

  parse(value: unknown, path: string): T {
    if (isMissing(value)) {
      if (this.options.default !== undefined) return this.options.default;
      fail(path, 'is required');
    }
    if (typeof value !== 'string' && typeof value !== 'number') fail(path, 'must be text', value);
    const text = String(value);
    const allowed = this.options.oneOf;
    if (allowed && !allowed.includes(text as T)) {
      fail(path, `must be one of ${allowed.join(', ')}`, value);
    }
    return text as T;
  }
}

class IntField extends Field<number> {
  constructor(private readonly options: ScalarOptions<number> & { min?: number; max?: number }) {
    super();
  }

  parse(value: unknown, path: string): number {
    if (isMissing(value)) {
      if (this.options.default !== undefined) return this.options.default;
      fail(path, 'is required');
    }
    const number =
      typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) {
      fail(path, 'must be a whole number', value);
    }
    const { min, max } = this.options;
    if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
      fail(path, `must be between ${min ?? '-∞'} and ${max ?? '∞'}`, value);
    }
    return number;
  }
}

class NumberField extends Field<number> {
  constructor(private readonly options: ScalarOptions<number> & { min?: number; max?: number }) {
    super();
  }

  parse(value: unknown, path: string): number {
    if (isMissing(value)) {
      if (this.options.default !== undefined) return this.options.default;
      fail(path, 'is required');
    }
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      fail(path, 'must be a number', value);
    }
    const { min, max } = this.options;
    if ((min !== undefined && number < min) || (max !== undefined && number > max)) {
      fail(path, `must be between ${min ?? '-∞'} and ${max ?? '∞'}`, value);
    }
    return number;
  }
}

const TRUE = new Set(['true', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'no', 'off', '0']);

class BoolField extends Field<boolean> {
  constructor(private readonly options: ScalarOptions<boolean>) {
    super();
  }

  parse(value: unknown, path: string): boolean {
    if (isMissing(value)) {
      if (this.options.default !== undefined) return this.options.default;
      fail(path, 'is required');
    }
    if (typeof value === 'boolean') return value;
    const text = String(value).trim().toLowerCase();
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    fail(path, 'must be true or false', value);
  }
}

class OptionalField<T> extends Field<T | undefined> {
  constructor(readonly inner: Field<T>) {
    super();
    this.secret = inner.secret;
  }

  override get isScalar(): boolean {
    return this.inner.isScalar;
  }

  parse(value: unknown, path: string): T | undefined {
    return isMissing(value) ? undefined : this.inner.parse(value, path);
  }
}

/** YAML lists, INI `key[] =` lists, comma-separated strings, or `[section.0]`-style sections. */
function asList(value: unknown): unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value);
    if (entries.every(([key]) => /^\d+$/.test(key))) {
      return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
    }
  }
  return undefined;
}

class ListField<T> extends Field<T[]> {
  constructor(
    private readonly item: Field<T>,
    private readonly options: { default?: T[]; minItems?: number },
  ) {
    super();
  }

  override get isScalar(): boolean {
    return false;
  }

  parse(value: unknown, path: string): T[] {
    if (isMissing(value) && this.options.default !== undefined) return this.options.default;
    const list = isMissing(value) ? [] : asList(value);
    if (!list) fail(path, 'must be a list', value);
    if (list.length < (this.options.minItems ?? 0)) {
      fail(path, `needs at least ${this.options.minItems} item(s)`);
    }
    return list.map((item, i) => this.item.parse(item, `${path}[${i}]`));
  }
}

export type Shape = Record<string, Field<unknown>>;
export type ShapeValue<S extends Shape> = { [K in keyof S]: Parsed<S[K]> };

export class ObjectField<S extends Shape> extends Field<ShapeValue<S>> {
  constructor(readonly shape: S) {
    super();
  }

  override get isScalar(): boolean {
    return false;
  }

  parse(value: unknown, path: string): ShapeValue<S> {
    const raw = isMissing(value) ? {} : value;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      fail(path || 'config', 'must be a section of keys', value);
    }
    const record = raw as Record<string, unknown>;
    const known = new Set(Object.keys(this.shape));
    const unknownKey = Object.keys(record).find((key) => !known.has(key));
    if (unknownKey !== undefined) {
      fail(join(path, unknownKey), `is not a known key (known: ${[...known].join(', ')})`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(this.shape)) {
      out[key] = field.parse(record[key], join(path, key));
    }
    return out as ShapeValue<S>;
  }
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

/** Field builders. */
export const f = {
  string: (options: ScalarOptions<string> = {}) => new StringField(options),
  oneOf: <T extends string>(values: readonly T[], options: ScalarOptions<T> = {}) =>
    new StringField<T>({ ...options, oneOf: values }),
  int: (options: ScalarOptions<number> & { min?: number; max?: number } = {}) =>
    new IntField(options),
  number: (options: ScalarOptions<number> & { min?: number; max?: number } = {}) =>
    new NumberField(options),
  bool: (options: ScalarOptions<boolean> = {}) => new BoolField(options),
  optional: <T>(field: Field<T>) => new OptionalField(field),
  list: <T>(item: Field<T>, options: { default?: T[]; minItems?: number } = {}) =>
    new ListField(item, options),
  object: <S extends Shape>(shape: S) => new ObjectField(shape),
};
