import * as fs from 'node:fs';
import * as path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';
import { webSourceHash, webStampFile } from '../../tools/web-client';

const root = path.resolve(import.meta.dirname, '../..');

/** Records which sources this build came from, so `npm start` rebuilds only after a change. */
function sourceStamp(): Plugin {
  return {
    name: 'source-stamp',
    apply: 'build',
    closeBundle() {
      fs.writeFileSync(webStampFile(root), `${webSourceHash(root)}\n`);
    },
  };
}

/**
 * `virtual:emoji-list`: the emoji names and codes the server understands — its one name table
 * (Zulip's names and aliases, libs/markdown/src/zulip-emoji-names.json) — in emoji-datasource's
 * categories and display order, as a compact module that is only loaded when the picker or
 * typeahead opens.
 */
function emojiList(): Plugin {
  const id = 'virtual:emoji-list';
  return {
    name: 'emoji-list',
    resolveId: (source) => (source === id ? `\0${id}` : undefined),
    load(resolved) {
      if (resolved !== `\0${id}`) return undefined;
      const names = (
        JSON.parse(
          fs.readFileSync(path.join(root, 'libs/markdown/src/zulip-emoji-names.json'), 'utf8'),
        ) as { emoji: Record<string, string[]> }
      ).emoji;
      const file = path.join(root, 'node_modules', 'emoji-datasource', 'emoji.json');
      const entries = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<{
        unified: string;
        category: string;
        sort_order: number;
      }>;
      const list: string[][] = [];
      const listed = new Set<string>();
      for (const e of entries.sort((a, b) => a.sort_order - b.sort_order)) {
        // Zulip's codes leave out the variation selector (U+FE0F) the data package writes.
        const unified = e.unified.toLowerCase();
        const code = names[unified] ? unified : unified.replace(/-fe0f/g, '');
        if (e.category === 'Component' || !names[code] || listed.has(code)) continue;
        listed.add(code);
        list.push([e.category, code, ...names[code]]);
      }
      for (const [code, emojiNames] of Object.entries(names)) {
        if (!listed.has(code)) list.push(['Symbols', code, ...emojiNames]);
      }
      return `export default ${JSON.stringify(list)};`;
    },
  };
}

/** The browser client. Built into dist/web at the repository root; the server serves it at `/`. */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  plugins: [emojiList(), sourceStamp()],
  // The server's path aliases (tsconfig.json), for the wire types the client shares.
  resolve: {
    alias: [
      { find: /^@hub\/api(\/.*)?$/, replacement: path.join(root, 'libs/api/src$1') },
      { find: /^@hub\/client(\/.*)?$/, replacement: path.join(root, 'libs/client/src$1') },
      // Only Node-free modules of the Markdown library (the linkifier rules) are imported.
      { find: /^@hub\/markdown\/(.*)$/, replacement: path.join(root, 'libs/markdown/src/$1') },
    ],
  },
  build: {
    outDir: path.join(root, 'dist', 'web'),
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    // A build on a busy machine is not a problem with the build: no timing warnings (a release
    // build's stderr is expected to be empty).
    rolldownOptions: { checks: { bundlerTimings: false } },
  },
  oxc: { jsx: { runtime: 'automatic' } },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
