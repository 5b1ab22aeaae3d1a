/**
 * The text fields of a `multipart/form-data` body (HelloSign posts its callback so, the JSON in a
 * field named `json`). Files are skipped: no integration reads one. Null when the content type is
 * not multipart or names no boundary; a body that does not follow its boundary gives no fields.
 */
export function multipartFields(
  raw: Buffer,
  contentType: string | undefined,
): Record<string, string> | null {
  if (!/^\s*multipart\/form-data/i.test(contentType ?? '')) return null;
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!boundary) return null;
  const delimiter = `--${boundary[1] ?? boundary[2]}`;
  const fields: Record<string, string> = {};
  const parts = raw.toString('utf8').split(delimiter).slice(1);
  for (const part of parts) {
    if (part.startsWith('--')) break; // the closing delimiter
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd === -1) continue;
    const headers = part.slice(0, headerEnd);
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined || /\bfilename=/i.test(disposition)) continue;
    // The part's body ends with the CRLF that precedes the next delimiter.
    fields[name] = part.slice(headerEnd + 4).replace(/\r\n$/, '');
  }
  return fields;
}

/** A multipart/form-data body holding these text fields, as a service would send it. */
export function multipartBody(
  fields: Record<string, string>,
  boundary = '----hub-form-boundary',
): { contentType: string; body: string } {
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    body: `${parts.join('')}--${boundary}--\r\n`,
  };
}
