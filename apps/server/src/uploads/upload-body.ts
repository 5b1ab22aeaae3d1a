import * as fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { Request, Response } from 'express';
import multer from 'multer';
import { ZulipError } from '../common/zulip-error';

/** A file received to a temporary path, not yet anywhere a reader could see it. */
export interface ReceivedFile {
  tmpPath: string;
  originalName: string;
  claimedType: string;
  size: number;
}

/** POST routes whose multipart bodies stream to disk here instead of the global memory parser. */
const STREAMED_ROUTES = [
  /^\/api\/v1\/user_uploads\/?$/,
  /^\/api\/v1\/users\/me\/avatar\/?$/,
  /^\/api\/v1\/realm\/emoji\/[^/]+\/?$/,
];

export function streamsOwnBody(req: IncomingMessage): boolean {
  if (req.method !== 'POST') return false;
  const path = (req.url ?? '').split('?')[0];
  return STREAMED_ROUTES.some((route) => route.test(path));
}

const MIB = 1024 * 1024;

function sizeText(bytes: number): string {
  return bytes % MIB === 0 ? `${bytes / MIB} MiB` : `${bytes} bytes`;
}

/**
 * Streams the request's one file to a temporary file under `tmpDir`, at most `maxBytes`. A body
 * that is too large answers 413; an aborted or malformed one leaves no file behind.
 */
export async function receiveFile(
  req: Request,
  res: Response,
  options: { tmpDir: string; maxBytes: number; tmpName: () => string },
): Promise<ReceivedFile> {
  const written: string[] = [];
  const storage = multer.diskStorage({
    destination: options.tmpDir,
    filename: (_req, _file, cb) => {
      const name = options.tmpName();
      written.push(name);
      cb(null, name.slice(options.tmpDir.length + 1));
    },
  });
  const parse = multer({
    storage,
    limits: { fileSize: options.maxBytes, files: 2, fields: 50, fieldSize: 64 * 1024 },
  }).any();
  try {
    await new Promise<void>((resolve, reject) =>
      parse(req, res, (err: unknown) => (err ? reject(err) : resolve())),
    );
  } catch (err) {
    await Promise.all(written.map((f) => fs.promises.rm(f, { force: true })));
    throw uploadError(err, options.maxBytes);
  }
  const files = (req.files as Express.Multer.File[] | undefined) ?? [];
  if (files.length !== 1) {
    await Promise.all(files.map((f) => fs.promises.rm(f.path, { force: true })));
    throw ZulipError.badRequest(
      files.length === 0
        ? 'You must specify a file to upload'
        : 'You may only upload one file at a time',
    );
  }
  const [file] = files;
  return {
    tmpPath: file.path,
    // Multipart file names arrive as latin1-decoded bytes; browsers send UTF-8.
    originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
    claimedType: file.mimetype,
    size: file.size,
  };
}

function uploadError(err: unknown, maxBytes: number): ZulipError {
  if (err instanceof ZulipError) return err;
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') {
      return new ZulipError(
        'BAD_REQUEST',
        `File is larger than this server's configured maximum upload size (${sizeText(maxBytes)}).`,
        413,
      );
    }
    if (err.code === 'LIMIT_FILE_COUNT') {
      return ZulipError.badRequest('You may only upload one file at a time');
    }
    return ZulipError.badRequest(`Malformed multipart body: ${err.message}`);
  }
  return ZulipError.badRequest('Malformed multipart body');
}
