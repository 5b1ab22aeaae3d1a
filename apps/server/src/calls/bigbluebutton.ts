import { createHash } from 'node:crypto';

/** Percent-encodes as Python's `quote(safe='')` (and so Zulip): every reserved character. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** A query string in the given order; the checksum covers exactly these bytes. */
export function bbbQuery(params: ReadonlyArray<[string, string]>): string {
  return params.map(([name, value]) => `${encode(name)}=${encode(value)}`).join('&');
}

/**
 * BigBlueButton's API checksum: SHA-1 of the call's name, its query string (without the checksum)
 * and the shared secret, in hexadecimal.
 */
export function bbbChecksum(callName: string, query: string, secret: string): string {
  return createHash('sha1').update(`${callName}${query}${secret}`).digest('hex');
}

/** `<base>api/<call>?<query>&checksum=…`: a signed API call. */
export function bbbCallUrl(
  baseUrl: string,
  callName: string,
  params: ReadonlyArray<[string, string]>,
  secret: string,
): string {
  const query = bbbQuery(params);
  return `${baseUrl}api/${callName}?${query}&checksum=${bbbChecksum(callName, query, secret)}`;
}

/** The text of the first `<tag>` of a BigBlueButton XML answer (a flat document of elements). */
export function bbbField(xml: string, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>\\s*([^<]*?)\\s*</${tag}>`).exec(xml);
  return match?.[1];
}
