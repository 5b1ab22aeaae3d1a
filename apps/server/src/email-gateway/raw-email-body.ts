import type { Request } from 'express';
import { ZulipError } from '../common/zulip-error';

/** Content types a raw email may be sent with (the body parsers leave these unread). */
const RAW_TYPES = /^(message\/rfc822|application\/octet-stream|text\/plain)\s*(;|$)/i;

export function emailTooLarge(maxBytes: number): ZulipError {
  return new ZulipError(
    'BAD_REQUEST',
    `The email is larger than the gateway's limit of ${maxBytes} bytes`,
    413,
  );
}

/**
 * The request's body, read as the raw email, at most `maxBytes`: a larger one is refused (413)
 * as soon as its declared length or its bytes say so (the rest is read and dropped, so the
 * answer still reaches the sender).
 */
export function readRawEmail(req: Request, maxBytes: number): Promise<Buffer> {
  if (!RAW_TYPES.test(req.headers['content-type'] ?? '')) {
    return Promise.reject(
      new ZulipError('BAD_REQUEST', 'Send the raw email with Content-Type: message/rfc822', 415),
    );
  }
  if (Number(req.headers['content-length'] ?? 0) > maxBytes) {
    return Promise.reject(emailTooLarge(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        chunks.length = 0;
        reject(emailTooLarge(maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => failed || resolve(Buffer.concat(chunks)));
    req.on('error', (err) => failed || reject(err));
  });
}
