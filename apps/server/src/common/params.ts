import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync, ValidationError } from 'class-validator';
import type { Request } from 'express';
import { ZulipError } from './zulip-error';

/** What the params middleware leaves on each request: every parameter, from any encoding. */
export interface ParamsRequest extends Request {
  zulipParams?: Record<string, string>;
  zulipConsumedParams?: Set<string>;
}

interface JsonOptions {
  /** Keep the raw string when it is not JSON (e.g. `to=user@example.com`, `anchor=newest`). */
  orString?: boolean;
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

interface DtoShape {
  fields: string[];
  optional: Set<string>;
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

/** Decodes, validates and returns the parameters `dto` declares; marks them as consumed. */
export function parseParams<T extends object>(
  dto: Ctor<T>,
  raw: Record<string, string>,
  consumed?: Set<string>,
): T {
  const { fields, optional } = describe(dto);
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
      try {
        plain[field] = JSON.parse(value);
      } catch {
        if (!jsonOptions.orString) {
          throw new ZulipError('BAD_REQUEST', `Argument "${name}" is not valid JSON.`, 400, {
            var_name: name,
          });
        }
        plain[field] = value;
      }
    } else {
      plain[field] = value;
    }
  }
  const instance = plainToInstance(dto, plain);
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
