import * as fs from 'node:fs';
import * as path from 'node:path';
import express, { NextFunction, Request, Response } from 'express';

/** The repository root: the nearest folder above this file with the project's package.json. */
function repositoryRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) || dir.endsWith(`${path.sep}dist`)) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

/** Where Vite writes the built client (`npm run build:web`). */
export const WEB_DIST_DIR = path.join(repositoryRoot(), 'dist', 'web');

/** The built client's HTML, re-read only when a new build replaced it. */
let index: { mtimeMs: number; html: string } | null = null;
export function clientIndexHtml(): string | null {
  const file = path.join(WEB_DIST_DIR, 'index.html');
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  if (index?.mtimeMs !== mtimeMs) index = { mtimeMs, html: fs.readFileSync(file, 'utf8') };
  return index.html;
}

/**
 * Serves the client's hashed assets under `/assets/`: their names change with their content, so
 * browsers may keep them for a year without asking again.
 */
export function clientAssets(): (req: Request, res: Response, next: NextFunction) => void {
  const serve = express.static(path.join(WEB_DIST_DIR, 'assets'), {
    immutable: true,
    maxAge: '365d',
    index: false,
    fallthrough: false,
    setHeaders: (res) => res.setHeader('X-Content-Type-Options', 'nosniff'),
  });
  return (req, res, next) => {
    if (!req.url.startsWith('/assets/')) return next();
    req.url = req.url.slice('/assets'.length);
    serve(req, res, (err?: unknown) => {
      if (!err) return next();
      res
        .status(404)
        .type('application/json')
        .send({ result: 'error', msg: 'Not found', code: 'BAD_REQUEST' });
    });
  };
}
