import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import * as ts from 'typescript';
import { loadConfig } from '@hub/config';
import { AppModule } from './app.module';

/*
 * The shape of the code base, checked on every run: no import cycles between files (what
 * `madge --circular` reports) anywhere, none between the server's feature folders, none between
 * its Nest modules, a ground floor that imports no feature, and `@Global()` only for providers
 * that are truly everywhere.
 */

const REPO = path.resolve(__dirname, '../../..');
const SERVER = path.join(REPO, 'apps/server/src');

/** Source files under `dir` (specs excluded) and the repository files each imports. */
function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && !file.endsWith('.spec.ts')) {
        const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true);
        graph.set(
          file,
          importedFiles.flatMap((i) => resolve(file, i.fileName)),
        );
      }
    }
  };
  walk(dir);
  return graph;
}

const ALIASES: Record<string, string> = {
  '@hub/api': 'libs/api/src',
  '@hub/client': 'libs/client/src',
  '@hub/config': 'libs/config/src',
  '@hub/esm': 'libs/esm/src',
  '@hub/markdown': 'libs/markdown/src',
};

function resolve(from: string, specifier: string): string[] {
  const [alias, target] =
    Object.entries(ALIASES).find(([a]) => specifier === a || specifier.startsWith(`${a}/`)) ?? [];
  let base: string;
  if (alias && target) base = path.join(REPO, target, specifier.slice(alias.length));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(from), specifier);
  else return [];
  for (const candidate of [`${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate)) return [candidate];
  }
  return [];
}

/** Strongly connected groups of more than one node (Tarjan): each is an import cycle. */
function cycles<T>(graph: Map<T, Iterable<T>>): T[][] {
  let next = 0;
  const index = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const found: T[][] = [];
  const visit = (v: T) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: T[] = [];
      let w: T;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || [...(graph.get(v) ?? [])].includes(v)) found.push(group);
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** Folder-to-folder imports below `dir` (`a/x.ts` importing `b/y.ts` is `a → b`). */
function folderGraph(dir: string): Map<string, Set<string>> {
  const folder = (file: string) => path.relative(dir, file).split(path.sep)[0];
  const graph = new Map<string, Set<string>>();
  for (const [file, imports] of importGraph(dir)) {
    const from = folder(file);
    if (!file.slice(dir.length + 1).includes(path.sep)) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const target of imports) {
      if (!target.startsWith(dir + path.sep)) continue;
      const to = folder(target);
      if (to !== from && target.slice(dir.length + 1).includes(path.sep)) edges.add(to);
    }
  }
  return graph;
}

const relative = (group: string[]) => group.map((f) => path.relative(REPO, f));

describe('module graph', () => {
  it.each(['apps/server/src', 'apps/gateway/src', 'libs', 'integrations', 'bridges', 'bots'])(
    'has no import cycle between the files of %s',
    (dir) => {
      expect(cycles(importGraph(path.join(REPO, dir))).map(relative)).toEqual([]);
    },
  );

  it.each(['', 'events'])("has no cycle between the server's folders under src/%s", (dir) => {
    expect(cycles(folderGraph(path.join(SERVER, dir)))).toEqual([]);
  });

  it('keeps the ground floor free of features: identity and the event publisher', () => {
    const graph = folderGraph(SERVER);
    const infrastructure = ['common', 'config', 'database', 'redis'];
    expect([...(graph.get('identity') ?? [])].filter((f) => !infrastructure.includes(f))).toEqual(
      [],
    );
    expect(
      [...(graph.get('event-publisher') ?? [])].filter(
        (f) => ![...infrastructure, 'identity'].includes(f),
      ),
    ).toEqual([]);
  });

  describe('Nest modules', () => {
    type ModuleRef = Type<unknown> | DynamicModule;
    const classOf = (m: ModuleRef): Type<unknown> => ('module' in m ? m.module : m);
    // forwardRef() would hide a cycle: every import must be a module class or a dynamic module.
    const importsOf = (m: ModuleRef): ModuleRef[] => {
      const declared = [
        ...(('module' in m ? m.imports : undefined) ?? []),
        ...((Reflect.getMetadata('imports', classOf(m)) as unknown[] | undefined) ?? []),
      ];
      for (const i of declared) {
        if (typeof i !== 'function' && !(i && typeof i === 'object' && 'module' in i)) {
          throw new Error(`${classOf(m).name} imports something that is not a module`);
        }
      }
      return declared as ModuleRef[];
    };
    const graph = new Map<string, Set<string>>();
    const globals = new Set<string>();
    const visit = (m: ModuleRef) => {
      const name = classOf(m).name;
      if (graph.has(name)) return;
      const edges = new Set<string>();
      graph.set(name, edges);
      if (Reflect.getMetadata('__module:global__', classOf(m))) globals.add(name);
      for (const imported of importsOf(m)) {
        edges.add(classOf(imported).name);
        visit(imported);
      }
    };
    visit(AppModule.forRoot(loadConfig({})));

    it('import each other without cycles', () => {
      expect(graph.size).toBeGreaterThan(15);
      expect(cycles(graph)).toEqual([]);
    });

    it('are global only for configuration, the database and Redis', () => {
      expect([...globals].sort()).toEqual(['ConfigModule', 'DatabaseModule', 'RedisModule']);
    });
  });
});
