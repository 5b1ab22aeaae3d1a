import type { LinkableStream } from './types';

/** Zulip's hash encoding for narrow URLs: percent-encode everything but `[A-Za-z0-9_-~]`, then `%` → `.`. */
export function hashEncode(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*.]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase())
    .replace(/%/g, '.');
}

export function streamNarrowHref(stream: LinkableStream): string {
  return `/#narrow/channel/${stream.id}-${hashEncode(stream.name.replace(/ /g, '-'))}`;
}

export function topicNarrowHref(stream: LinkableStream, topic: string): string {
  return `${streamNarrowHref(stream)}/topic/${hashEncode(topic)}`;
}

export interface LinkTarget {
  /** The href to emit: absolute http(s)/mailto, or a relative `/...` or `#...` path. */
  href: string;
  /** Leaves the realm: gets target="_blank" rel="noopener noreferrer". */
  external: boolean;
  /** Points at an uploaded file of this realm. */
  isUpload: boolean;
  /** For an upload: its path id (the decoded path after `/user_uploads/`). */
  uploadPathId?: string;
  isImage: boolean;
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const IMAGE_PATH = /\.(?:png|jpe?g|gif|webp)$/i;
// Characters the URL parser silently drops (C0 controls, space, tab, newline) and invisible
// format characters; a link containing them is refused rather than "cleaned up".
const SUSPICIOUS =
  /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;

/**
 * Decides where a user-written link may point. Returns null for anything but http(s), mailto and
 * realm-relative paths, so `javascript:`, `data:`, `vbscript:` and obfuscated forms never link.
 * Scheme-less links such as `zulip.com` become `http://zulip.com`, as Zulip does.
 */
export function resolveLink(raw: string, realmUrl: string): LinkTarget | null {
  const href = raw.trim();
  if (href === '' || SUSPICIOUS.test(href)) return null;
  const realm = parseUrl(realmUrl);
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//'))) {
    const resolved = realm ? parseUrl(href, realm.href) : null;
    const path = resolved ? resolved.pathname : href.split(/[?#]/)[0];
    return withUploadPath(
      {
        href,
        external: false,
        isUpload: isUploadPath(path),
        isImage: IMAGE_PATH.test(path),
      },
      path,
    );
  }
  const absolute = SCHEME.test(href) ? href : `http://${href.replace(/^\/\//, '')}`;
  const url = parseUrl(absolute);
  if (!url || !ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol === 'mailto:') {
    return { href: absolute, external: true, isUpload: false, isImage: false };
  }
  const internal = realm !== null && url.origin === realm.origin;
  return withUploadPath(
    {
      href: absolute,
      external: !internal,
      isUpload: internal && isUploadPath(url.pathname),
      isImage: IMAGE_PATH.test(url.pathname),
    },
    url.pathname,
  );
}

/** Adds the upload's path id (`<realm id>/<random>/<name>`) to a link to an upload. */
function withUploadPath(target: LinkTarget, path: string): LinkTarget {
  if (!target.isUpload) return target;
  try {
    const pathId = decodeURIComponent(path.slice('/user_uploads/'.length));
    return pathId === '' ? target : { ...target, uploadPathId: pathId };
  } catch {
    return target;
  }
}

/** The URL a linkifier produced, if it is a well-formed http(s) URL. */
export function isSafeGeneratedUrl(url: string): boolean {
  if (SUSPICIOUS.test(url)) return false;
  const parsed = parseUrl(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

function isUploadPath(path: string): boolean {
  return path.startsWith('/user_uploads/');
}

function parseUrl(text: string, base?: string): URL | null {
  try {
    return new URL(text, base);
  } catch {
    return null;
  }
}
