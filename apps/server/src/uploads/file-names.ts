import { randomBytes } from 'node:crypto';
import * as path from 'node:path';

/** What a file name may be at most, in characters (most file systems allow 255 bytes). */
const MAX_NAME_CHARS = 120;

/**
 * Zulip's `sanitize_name` for uploaded files: only letters, digits, `_`, `.` and `-` survive,
 * runs of spaces and dashes become one `-`, no leading dots (no hidden or `..` names); never
 * empty. A client-sent name can hold neither a path separator nor a control character.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFKC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/[^\p{L}\p{N}\p{M}_\s.-]/gu, '')
    .trim()
    .replace(/[-\s]+/g, '-')
    .replace(/^[.-]+/, '');
  if (name.length > MAX_NAME_CHARS) {
    const ext = path.extname(name).slice(0, 20);
    name = name.slice(0, MAX_NAME_CHARS - ext.length) + ext;
  }
  return name === '' ? 'uploaded-file' : name;
}

/** The unguessable part of an upload's path: 192 random bits, URL-safe. */
export function randomPathPart(): string {
  return randomBytes(24).toString('base64url');
}

/** Types guessed from the extension first, as Zulip does (a client's claim comes second). */
const TYPES_BY_EXTENSION: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/vnd.microsoft.icon',
  '.svg': 'image/svg+xml',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.flac': 'audio/flac',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mov': 'video/quicktime',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.log': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.zip': 'application/zip',
  '.gz': 'application/gzip',
  '.tar': 'application/x-tar',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.odt': 'application/vnd.oasis.opendocument.text',
};

const MEDIA_TYPE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/;

/** The type an upload is stored (and served) with. */
export function contentTypeFor(fileName: string, claimed: string | undefined): string {
  const guessed = TYPES_BY_EXTENSION[path.extname(fileName).toLowerCase()];
  if (guessed) return guessed;
  const type = (claimed ?? '').split(';')[0].trim().toLowerCase();
  return MEDIA_TYPE.test(type) ? type : 'application/octet-stream';
}

/**
 * Types a browser shows inertly (no script can run in them), so they may be served inline:
 * raster images, audio and video. SVG, HTML, PDF and everything else are downloads.
 */
const INLINE_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'audio/mpeg',
  'audio/ogg',
  'audio/wav',
  'audio/mp4',
  'audio/flac',
  'audio/webm',
  'video/mp4',
  'video/webm',
  'video/ogg',
  'video/quicktime',
]);

export function servedInline(contentType: string): boolean {
  return INLINE_TYPES.has(contentType);
}

/** Raster images the image library can read (thumbnails, previews, avatars, emoji). */
export function isRasterImage(contentType: string): boolean {
  return ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'].includes(contentType);
}

/** `Content-Disposition` with both an ASCII fallback and the exact UTF-8 name (RFC 6266). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
