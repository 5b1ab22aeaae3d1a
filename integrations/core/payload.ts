/** The payload is not what the integration expects: the gateway answers 400 ANOMALOUS_WEBHOOK_PAYLOAD. */
export class AnomalousPayloadError extends Error {
  constructor(
    readonly path: string,
    expected: string,
  ) {
    super(`Malformed payload: expected ${expected} at "${path}"`);
  }
}

type Json = unknown;

function walk(root: Json, path: string): Json {
  let node: Json = root;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, Json>)[part];
  }
  return node;
}

/**
 * Type-checked reads from an untrusted webhook payload. Every field an integration uses goes
 * through one of these, so a payload of the right event with a missing or mistyped field is a
 * clear 400, never a crash.
 */
export class Payload {
  constructor(
    readonly raw: Json,
    private readonly prefix = '',
  ) {}

  private full(path: string): string {
    return this.prefix ? `${this.prefix}.${path}` : path;
  }

  has(path: string): boolean {
    const v = walk(this.raw, path);
    return v !== undefined && v !== null;
  }

  str(path: string): string {
    const v = walk(this.raw, path);
    if (typeof v !== 'string') throw new AnomalousPayloadError(this.full(path), 'a string');
    return v;
  }

  optStr(path: string): string | null {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'string') throw new AnomalousPayloadError(this.full(path), 'a string or null');
    return v;
  }

  num(path: string): number {
    const v = walk(this.raw, path);
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new AnomalousPayloadError(this.full(path), 'a number');
    return v;
  }

  optNum(path: string): number | null {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new AnomalousPayloadError(this.full(path), 'a number or null');
    }
    return v;
  }

  bool(path: string): boolean {
    const v = walk(this.raw, path);
    if (typeof v !== 'boolean') throw new AnomalousPayloadError(this.full(path), 'true or false');
    return v;
  }

  optBool(path: string): boolean | null {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return null;
    if (typeof v !== 'boolean')
      throw new AnomalousPayloadError(this.full(path), 'true, false or null');
    return v;
  }

  /** A nested object, as a Payload whose errors name the full path. */
  obj(path: string): Payload {
    const v = walk(this.raw, path);
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new AnomalousPayloadError(this.full(path), 'an object');
    }
    return new Payload(v, this.full(path));
  }

  optObj(path: string): Payload | null {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return null;
    return this.obj(path);
  }

  /** An array of objects, each as a Payload. */
  list(path: string): Payload[] {
    const v = walk(this.raw, path);
    if (!Array.isArray(v)) throw new AnomalousPayloadError(this.full(path), 'a list');
    return v.map((item, i) => {
      if (item === null || typeof item !== 'object') {
        throw new AnomalousPayloadError(`${this.full(path)}.${i}`, 'an object');
      }
      return new Payload(item, `${this.full(path)}.${i}`);
    });
  }

  optList(path: string): Payload[] {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return [];
    return this.list(path);
  }

  /** The keys of an object (the payload itself when no path is given). */
  keys(path?: string): string[] {
    const target = path === undefined ? this : this.obj(path);
    return Object.keys(target.raw as Record<string, unknown>);
  }

  /**
   * The object under one key taken literally, for keys that hold dots (Harbor's
   * `"application/vnd.security.vulnerability.report; version=1.1"`).
   */
  child(key: string): Payload {
    const v = (this.raw as Record<string, unknown> | null)?.[key];
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      throw new AnomalousPayloadError(this.full(key), 'an object');
    }
    return new Payload(v, this.full(key));
  }

  /** An id that a service sends as a number or a string (Shortcut's), as a string; null if absent. */
  optId(path: string): string | null {
    const v = walk(this.raw, path);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return String(v);
    throw new AnomalousPayloadError(this.full(path), 'an id (a number or a string)');
  }

  /** A list of ids (numbers or strings), as strings. */
  idList(path: string): string[] {
    const v = walk(this.raw, path);
    if (!Array.isArray(v)) throw new AnomalousPayloadError(this.full(path), 'a list of ids');
    return v.map((_, i) => {
      const id = this.optId(`${path}.${i}`);
      if (id === null) throw new AnomalousPayloadError(this.full(`${path}.${i}`), 'an id');
      return id;
    });
  }

  /** An array of strings. */
  strList(path: string): string[] {
    const v = walk(this.raw, path);
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      throw new AnomalousPayloadError(this.full(path), 'a list of strings');
    }
    return v as string[];
  }
}
