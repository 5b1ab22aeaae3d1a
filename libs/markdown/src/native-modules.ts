import type * as MarkedModule from 'marked';
import type * as PurifyModule from 'isomorphic-dompurify';

/**
 * marked and jsdom (under isomorphic-dompurify) ship ES modules that Node >= 20.19 loads with
 * require(), but Jest's CommonJS module registry cannot. Loading them through Node's own require
 * (process.getBuiltinModule bypasses Jest's registry) makes this library work the same under
 * `node dist/...` and under Jest, for our specs and for the server's end-to-end suites alike.
 */
function nodeRequire(): NodeJS.Require {
  const nodeModule = process.getBuiltinModule('node:module');
  return nodeModule.createRequire(__filename);
}

const load = nodeRequire();

// The two casts below are the untyped boundary of require(); the types come from the packages.
export const markedModule = load('marked') as typeof MarkedModule;
export const purifyModule = load('isomorphic-dompurify') as typeof PurifyModule;
