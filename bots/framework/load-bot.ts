import { existsSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { BotConfigError } from './errors';
import { findRegisteredBot, registeredBotNames } from './registry';
import type { BotHandler } from './types';

function isHandler(value: unknown): value is BotHandler {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<BotHandler>;
  return typeof candidate.handleMessage === 'function' && typeof candidate.usage === 'function';
}

function isHandlerClass(value: unknown): value is new () => BotHandler {
  if (typeof value !== 'function' || typeof value.prototype !== 'object') return false;
  const prototype = value.prototype as Partial<BotHandler>;
  return typeof prototype.handleMessage === 'function' && typeof prototype.usage === 'function';
}

/** The handler a bot module exports: `default` or `handler`, an object or a class. */
export function handlerFromModule(loaded: Record<string, unknown>, from: string): BotHandler {
  for (const candidate of [loaded.default, loaded.handler]) {
    if (isHandlerClass(candidate)) return new candidate();
    if (isHandler(candidate)) return candidate;
  }
  throw new BotConfigError(
    `${from} exports no bot handler (export default an object or class with usage() and handleMessage())`,
  );
}

/**
 * A module path as Node can load it: a `.ts` source under the project maps to its compiled
 * file in `dist/` (where `npm run build` puts it).
 */
function loadablePath(path: string, projectRoot: string): string {
  const absolute = resolve(path);
  if (extname(absolute) !== '.ts') return absolute;
  return join(projectRoot, 'dist', relative(projectRoot, absolute)).replace(/\.ts$/, '.js');
}

/** A bundled bot by name, or a bot module by file path. */
export function loadBot(nameOrPath: string, projectRoot = process.cwd()): BotHandler {
  const registered = findRegisteredBot(nameOrPath);
  if (registered) return registered.create();
  const looksLikePath = nameOrPath.includes('/') || /\.[cm]?[jt]s$/.test(nameOrPath);
  if (!looksLikePath) {
    throw new BotConfigError(
      `unknown bot "${nameOrPath}"; bundled bots: ${registeredBotNames().join(', ')} (or give a file path)`,
    );
  }
  if (!existsSync(nameOrPath)) throw new BotConfigError(`bot file ${nameOrPath} does not exist`);
  const path = loadablePath(nameOrPath, projectRoot);
  if (!existsSync(path)) {
    throw new BotConfigError(
      `${nameOrPath} is not built: run \`npm run build\` (expected ${path})`,
    );
  }
  // Loading a user's bot module by path is a genuine untyped boundary.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(path) as Record<string, unknown>;
  return handlerFromModule(loaded, nameOrPath);
}
