/** An HTTP method the API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A request ready for the wire: the query string to append, and the body with its type. */
export interface EncodedRequest {
  query: URLSearchParams;
  body?: Buffer;
  contentType?: string;
}

/** Strings go as they are; everything else as JSON, like python-zulip-api (`to=[9,10]`). */
function encodeValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * Encodes parameters exactly as python-zulip-api does: `undefined` is dropped, non-string values
 * are JSON, GET parameters go in the query string, other methods send a urlencoded form, and a
 * request with a file (a `Blob`) becomes multipart.
 */
export async function encodeParams(
  method: HttpMethod,
  params: object = {},
): Promise<EncodedRequest> {
  const fields: Array<[string, string]> = [];
  const files: Array<[string, Blob]> = [];
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (value instanceof Blob) {
      files.push([name, value]);
      continue;
    }
    const encoded = encodeValue(value);
    if (encoded !== undefined) fields.push([name, encoded]);
  }
  if (files.length > 0) {
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    for (const [name, file] of files) form.append(name, file);
    // Response serializes FormData with a fresh boundary; no hand-written multipart.
    const serialized = new Response(form);
    return {
      query: new URLSearchParams(),
      body: Buffer.from(await serialized.arrayBuffer()),
      contentType: serialized.headers.get('content-type') ?? undefined,
    };
  }
  const encoded = new URLSearchParams(fields);
  if (method === 'GET') return { query: encoded };
  return {
    query: new URLSearchParams(),
    body: Buffer.from(encoded.toString()),
    contentType: 'application/x-www-form-urlencoded',
  };
}
