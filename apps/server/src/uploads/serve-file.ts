import * as fs from 'node:fs';
import type { Response } from 'express';
import { API_CACHE_CONTROL, CREDENTIALS_VARY } from '../common/no-store';
import { ZulipError } from '../common/zulip-error';
import { contentDisposition, servedInline } from './file-names';

/**
 * What every served upload, thumbnail, avatar and emoji carries: a sandbox with no sources
 * (anything opened directly can run nothing), no type sniffing, no Referer to other sites.
 */
export const FILE_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";

export interface ServedFile {
  file: string;
  contentType: string;
  fileName: string;
  /**
   * For public files only (avatars, emoji): how long browsers may keep it without asking again.
   * Unset: the file is someone's upload, which no cache may keep.
   */
  maxAgeSeconds?: number;
}

/**
 * Sends a file from disk with the safety headers. Only inert media (raster images, audio,
 * video) are shown inline; everything else, SVG and HTML included, is a download. Range
 * requests, ETag and Last-Modified come from Express's `sendFile`.
 */
export async function serveFile(res: Response, served: ServedFile): Promise<void> {
  const stat = await fs.promises.stat(served.file).catch(() => null);
  if (!stat?.isFile()) throw ZulipError.notFound('File not found');
  // The app turns ETags off for API answers (and so for sendFile): files get one of their own,
  // which sendFile's conditional-request handling (304, If-Range) then uses.
  res.setHeader('ETag', `W/"${stat.size.toString(16)}-${stat.mtimeMs.toString(16)}"`);
  const inline = servedInline(served.contentType);
  res.setHeader('Content-Type', served.contentType);
  res.setHeader(
    'Content-Disposition',
    contentDisposition(inline ? 'inline' : 'attachment', served.fileName),
  );
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', FILE_CONTENT_SECURITY_POLICY);
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  // An upload is served to whoever may read it now, and access can be withdrawn at any time:
  // no cache, shared or the browser's, keeps it (as every authenticated API answer).
  if (served.maxAgeSeconds) {
    res.setHeader('Cache-Control', `private, max-age=${served.maxAgeSeconds}`);
  } else {
    res.setHeader('Cache-Control', API_CACHE_CONTROL);
    res.setHeader('Vary', CREDENTIALS_VARY);
  }
  return new Promise((resolve, reject) => {
    res.sendFile(served.file, { dotfiles: 'allow', lastModified: true, etag: true }, (err) => {
      if (!err) return resolve();
      if (res.headersSent) return resolve();
      // Keep the JSON error answer free of the file's headers.
      for (const name of [
        'Content-Disposition',
        'Content-Security-Policy',
        'Cache-Control',
        'ETag',
      ]) {
        res.removeHeader(name);
      }
      reject(ZulipError.notFound('File not found'));
    });
  });
}
