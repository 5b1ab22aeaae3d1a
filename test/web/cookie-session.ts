import * as http from 'node:http';

export interface PageResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): Record<string, unknown>;
}

/**
 * A browser's view of the sign-in pages without a browser: one cookie jar, forms posted as a
 * browser posts them, redirects left for the test to look at.
 */
export class CookieSession {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    /** The Host to send (a realm's host); default the URL's. */
    readonly host?: string,
    private readonly extraHeaders: Record<string, string> = {},
  ) {}

  get csrfToken(): string {
    return this.cookies.get('csrftoken') ?? '';
  }

  async request(
    method: string,
    path: string,
    options: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<PageResponse> {
    const url = new URL(path, this.baseUrl);
    const headers: Record<string, string> = {
      host: this.host ?? url.host,
      ...this.extraHeaders,
      ...options.headers,
    };
    const jar = [...this.cookies].map(([name, value]) => `${name}=${encodeURIComponent(value)}`);
    if (jar.length > 0) headers.cookie = jar.join('; ');
    let body: Buffer | undefined;
    if (options.form) {
      body = Buffer.from(new URLSearchParams(options.form).toString());
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(body.length);
    }
    const res = await new Promise<http.IncomingMessage & { text: string }>((resolve, reject) => {
      const req = http.request(url, { method, headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () =>
          resolve(Object.assign(answer, { text: Buffer.concat(chunks).toString('utf8') })),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
    for (const line of res.headers['set-cookie'] ?? []) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = decodeURIComponent(pair.slice(eq + 1).trim());
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return {
      status: res.statusCode ?? 0,
      headers: res.headers,
      text: res.text,
      json: () => JSON.parse(res.text) as Record<string, unknown>,
    };
  }

  get(path: string, headers?: Record<string, string>): Promise<PageResponse> {
    return this.request('GET', path, { headers });
  }

  /** Shows the form at `formPath` (which sets the form's CSRF cookie), then posts `fields` to it. */
  async submit(
    formPath: string,
    fields: Record<string, string>,
    action = formPath,
  ): Promise<PageResponse> {
    await this.get(formPath);
    return this.request('POST', action, {
      form: { csrfmiddlewaretoken: this.csrfToken, ...fields },
    });
  }

  async login(email: string, password: string): Promise<PageResponse> {
    return this.submit('/login/', { username: email, password });
  }

  /** A `/json/` call as the web client makes it: session cookie, and the CSRF header unless told not to. */
  async json(
    method: string,
    path: string,
    params: Record<string, string> = {},
    options: { csrf?: string | null } = {},
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    const headers: Record<string, string> = csrf === null ? {} : { 'x-csrftoken': csrf };
    const query = method === 'GET' ? `?${new URLSearchParams(params).toString()}` : '';
    const res = await this.request(method, `/json${path}${query}`, {
      headers,
      form: method === 'GET' ? undefined : params,
    });
    return { status: res.status, body: res.json() };
  }
}
