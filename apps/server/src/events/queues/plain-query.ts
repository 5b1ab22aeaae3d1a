/**
 * A query string as every client writes a poll's (`queue_id=…&last_event_id=…`: no escapes, no
 * repeated names), read without querystring's general machinery; null for anything else, which
 * querystring then reads (the same result either way).
 */
export function plainQuery(query: string): Record<string, string> | null {
  if (query === '' || /[%+]/.test(query)) return null;
  const params: Record<string, string> = {};
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    const eq = query.indexOf('=', start);
    if (eq <= start || eq > end) return null;
    const name = query.slice(start, eq);
    if (name === '__proto__' || Object.hasOwn(params, name)) return null;
    params[name] = query.slice(eq + 1, end);
    start = end + 1;
  }
  return params;
}
