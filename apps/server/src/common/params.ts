import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import type { Request } from 'express';
import { badCharacters, unstorable } from './unstorable';
import { memoizeValidationMetadata } from './validation-metadata';
import { ZulipError } from './zulip-error';

memoizeValidationMetadata();

/** The largest id a PostgreSQL `integer` column (users, streams, most ids) holds. */
export const MAX_INT32 = 2_147_483_647;
/** How deeply a parameter's JSON may nest. */
const MAX_JSON_DEPTH = 16;

/** What the params middleware leaves on each request: every parameter, from any encoding. */
export interface ParamsRequest extends Request {
  zulipParams?: Record<string, string>;
  zulipConsumedParams?: Set<string>;
}

interface JsonOptions {
  /** Keep the raw string when it is not JSON (e.g. `to=user@example.com`, `anchor=newest`). */
  orString?: boolean;
  /** `null` means something here (e.g. "no limit"); elsewhere a JSON null is refused. */
  nullable?: boolean;
  /** Numbers here may be 64-bit message ids; elsewhere numbers must fit a 32-bit integer. */
  wideNumbers?: boolean;
}

const jsonFields = new WeakMap<object, Map<string, JsonOptions>>();
const aliasFields = new WeakMap<object, Map<string, string[]>>();

/** The value arrives JSON-encoded inside the string (`to=[9,10]`, `true`, `42`). */
export function Json(options: JsonOptions = {}): PropertyDecorator {
  return (target, key) => {
    const map = jsonFields.get(target.constructor) ?? new Map<string, JsonOptions>();
    map.set(String(key), options);
    jsonFields.set(target.constructor, map);
  };
}

/** Older names clients still send for this parameter (`subject` for `topic`). */
export function Alias(...names: string[]): PropertyDecorator {
  return (target, key) => {
    const map = aliasFields.get(target.constructor) ?? new Map<string, string[]>();
    map.set(String(key), names);
    aliasFields.set(target.constructor, map);
  };
}

type Ctor<T> = new () => T;

const plainChecks = new WeakMap<object, (value: never) => boolean>();

/**
 * A hand-written check of the DTO's usual, valid values (plain types, in range) that spares a hot
 * endpoint class-validator's run (its metadata lookup and executor) on every request. It must
 * accept only what the DTO's decorators accept: anything it declines is validated by them, so
 * errors and their wording stay theirs.
 */
export function PlainlyValid<T>(check: (value: T) => boolean): (target: Ctor<T>) => void {
  return (target) => {
    plainChecks.set(target, check);
  };
}

interface DtoShape {
  fields: string[];
  optional: Set<string>;
  /** Fields whose validators allow numbers beyond 32 bits (an explicit larger `@Max`). */
  wide: Set<string>;
  /** `@ValidateNested` fields: an object, or with `each` a list of objects. */
  nested: Map<string, boolean>;
}

/** Decorators run once, when the class is defined: its shape is read once too. */
const shapes = new WeakMap<object, DtoShape>();

function describe(dto: new () => object): DtoShape {
  let shape = shapes.get(dto);
  if (!shape) {
    const metas = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
    shape = {
      fields: [...new Set(metas.map((m) => m.propertyName))],
      optional: new Set(
        metas.filter((m) => m.type === 'conditionalValidation').map((m) => m.propertyName),
      ),
      wide: new Set(
        metas
          .filter((m) => m.name === 'max' && Number(m.constraints?.[0]) > MAX_INT32)
          .map((m) => m.propertyName),
      ),
      nested: new Map(
        metas
          .filter((m) => m.type === 'nestedValidation')
          .map((m) => [m.propertyName, m.each === true] as [string, boolean]),
      ),
    };
    shapes.set(dto, shape);
  }
  return shape;
}

function firstMessage(error: ValidationError): string {
  if (error.constraints) return Object.values(error.constraints)[0];
  const child = error.children?.[0];
  return child ? firstMessage(child) : 'is invalid';
}

/**
 * The rules every JSON-encoded parameter obeys, whatever its endpoint: not nested beyond reason,
 * no `null` unless it means something there, numbers that fit the columns they are compared
 * with (a 32-bit integer, or a 64-bit message id where the field says so), and strings (values
 * and keys) without NUL or lone surrogates, which the edge sees only as `\u0000` escapes. So a
 * value a PostgreSQL column cannot hold is refused here, never sent to the database.
 */
function checkDecoded(name: string, value: unknown, options: JsonOptions, wide: boolean): void {
  if (value === null && !options.nullable) throw ZulipError.invalid(name, 'must not be null');
  const limit = wide || options.wideNumbers ? Number.MAX_SAFE_INTEGER : MAX_INT32;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (depth > MAX_JSON_DEPTH) throw ZulipError.invalid(name, 'nested too deeply');
    if (typeof item === 'number' && !(Number.isFinite(item) && Math.abs(item) <= limit)) {
      throw ZulipError.invalid(name, 'number out of range');
    }
    if (typeof item === 'string' && unstorable(item)) throw badCharacters(name);
    if (item && typeof item === 'object') {
      for (const [key, child] of Object.entries(item)) {
        if (unstorable(key)) throw badCharacters(name);
        stack.push([child, depth + 1]);
      }
    }
  }
}

/**
 * Text starting with a letter that is not `true`, `false` or `null` (JSON's only texts that start
 * with one, whitespace after them allowed): JSON.parse would refuse it.
 */
function plainWord(value: string): boolean {
  return /^[A-Za-z]/.test(value) && !/^(?:true|false|null)[ \t\n\r]*$/.test(value);
}

/** Decodes, validates and returns the parameters `dto` declares; marks them as consumed. */
export function parseParams<T extends object>(
  dto: Ctor<T>,
  raw: Record<string, string>,
  consumed?: Set<string>,
): T {
  const { fields, optional, wide, nested } = describe(dto);
  const json = jsonFields.get(dto) ?? new Map<string, JsonOptions>();
  const aliases = aliasFields.get(dto) ?? new Map<string, string[]>();
  const plain: Record<string, unknown> = {};
  for (const field of fields) {
    const names = [field, ...(aliases.get(field) ?? [])];
    const name = names.find((n) => raw[n] !== undefined);
    names.forEach((n) => consumed?.add(n));
    if (name === undefined) {
      if (!optional.has(field)) throw ZulipError.missing(field);
      continue;
    }
    const value = raw[name];
    const jsonOptions = json.get(field);
    if (jsonOptions) {
      let decoded: unknown;
      try {
        // A word that is not a JSON literal (`anchor=newest`) cannot parse: kept as it is without
        // the cost of JSON.parse's thrown error.
        decoded = jsonOptions.orString && plainWord(value) ? value : JSON.parse(value);
      } catch {
        if (!jsonOptions.orString) {
          throw new ZulipError('BAD_REQUEST', `Argument "${name}" is not valid JSON.`, 400, {
            var_name: name,
          });
        }
        decoded = value;
      }
      checkDecoded(name, decoded, jsonOptions, wide.has(field));
      const each = nested.get(field);
      if (each !== undefined) {
        const items = each && Array.isArray(decoded) ? decoded : [decoded];
        if (items.some((item) => !item || typeof item !== 'object' || Array.isArray(item))) {
          throw ZulipError.invalid(name, each ? 'must be a list of objects' : 'must be an object');
        }
      }
      plain[field] = decoded;
    } else {
      plain[field] = value;
    }
  }
  // Only nested DTOs carry class-transformer's `@Type`: a flat one is its values on an instance,
  // which is what plainToInstance would build, at a fraction of its cost on every request.
  const instance = nested.size > 0 ? plainToInstance(dto, plain) : Object.assign(new dto(), plain);
  const plainlyValid = plainChecks.get(dto) as ((value: T) => boolean) | undefined;
  if (plainlyValid?.(instance)) return instance;
  const errors = validateSync(instance, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const error = errors[0];
    throw new ZulipError('BAD_REQUEST', `Invalid ${error.property}: ${firstMessage(error)}`, 400, {
      var_name: error.property,
    });
  }
  return instance;
}

/**
 * Controller parameter decorator: `@Params(SendMessageDto) p: SendMessageDto`. Parameters the DTO
 * does not declare are reported back in `ignored_parameters_unsupported`.
 */
export const Params = createParamDecorator((dto: Ctor<object>, ctx: ExecutionContext) => {
  const req = ctx.switchToHttp().getRequest<ParamsRequest>();
  req.zulipConsumedParams ??= new Set();
  return parseParams(dto, req.zulipParams ?? {}, req.zulipConsumedParams);
});
