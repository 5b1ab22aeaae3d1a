/** The client's one way to reach the server: `/json/<path>` with the session cookie and CSRF token. */

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Parameter values: strings as they are, anything else JSON-encoded. */
export type Params = Record<string, unknown>;

export function csrfToken(): string {
  const match = /(?:^|;\s*)csrftoken=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]) : '';
}

/** Zulip's encoding: strings as they are, everything else as JSON. */
export function encodeParams(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    out.append(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}

/** Called when the session has ended (logged out elsewhere, deactivated, password changed). */
let onSignedOut = (): void => {
  window.location.assign('/login/');
};
export function setSignedOutHandler(handler: () => void): void {
  onSignedOut = handler;
}

/** The session is over (the account was deactivated): back to the login page. */
export function signedOut(): void {
  onSignedOut();
}

export async function api<T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  path: string,
  params: Params = {},
  options: { signal?: AbortSignal; body?: FormData } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  let url = `/json${path}`;
  let body: BodyInit | undefined = options.body;
  if (method === 'GET') {
    const query = encodeParams(params).toString();
    if (query) url += `?${query}`;
  } else if (!body) {
    body = encodeParams(params);
  }
  if (method !== 'GET') headers['X-CSRFToken'] = csrfToken();
  const res = await fetch(url, {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  let data: Record<string, unknown>;
  try {
    data = (await res.json()) as Record<string, unknown>;
  } catch {
    throw new ApiError(`The server answered ${res.status}`, 'BAD_RESPONSE', res.status);
  }
  // A wrong password typed again (to see the API key) is not the end of the session.
  if (res.status === 401 && data.code !== 'AUTHENTICATION_FAILED') onSignedOut();
  if (!res.ok || data.result !== 'success') {
    throw new ApiError(
      String(data.msg || `Request failed (${res.status})`),
      String(data.code ?? 'BAD_REQUEST'),
      res.status,
      data,
    );
  }
  return data as T;
}

/** Sends one file as a multipart form (uploads, avatars, custom emoji). */
export function postFile<T = Record<string, unknown>>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<T>('POST', path, {}, { body: form });
}

/** `POST /user_uploads`: returns the file's URL on this server. */
export async function uploadFile(file: File): Promise<{ url: string; filename: string }> {
  const reply = await postFile<{ uri?: string; url?: string; filename?: string }>(
    '/user_uploads',
    file,
  );
  const url = reply.url ?? reply.uri;
  if (!url) throw new ApiError('The server did not return the upload URL', 'BAD_RESPONSE', 200);
  return { url, filename: reply.filename ?? file.name };
}

export async function logout(): Promise<void> {
  await fetch('/logout/', {
    method: 'POST',
    headers: { 'X-CSRFToken': csrfToken() },
    credentials: 'same-origin',
    redirect: 'manual',
  });
  window.location.assign('/login/');
}
