/**
 * Loads an ES-module-only package (marked, jsdom, @octokit/*) synchronously. Node >= 20.19
 * require()s ES modules, but Jest's CommonJS module registry cannot, and a compiled `import()`
 * becomes `require()`; Node's own require, reached through process.getBuiltinModule, works the
 * same under `node dist/...` and under Jest. The caller names the module's type: require() is the
 * untyped boundary.
 */
export function esmRequire<T>(specifier: string): T {
  return process.getBuiltinModule('node:module').createRequire(__filename)(specifier) as T;
}
