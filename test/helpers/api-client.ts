import * as http from 'node:http';

export interface Credentials {
  email: string;
  apiKey: string;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  // Response bodies are arbitrary JSON; tests assert on their shape.
  body: Record<string, unknown> & { result: string; msg: string; code?: string };
}

type ParamValue = string | number | boolean | null | object;
export type Encoding = 'form' | 'query' | 'multipart';

/** The body of a successful answer; throws with the status and body of any other. */
export function ok(res: ApiResponse): ApiResponse['body'] {
  if (res.status !== 200 || res.body.result !== 'success') {
    throw new Error(`expected success, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/**
 * A minimal HTTP client for tests that speaks to the API exactly as the wire clients do: values that
 * are not strings are JSON-encoded, GET always uses the query string.
 */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly credentials?: Credentials,
    readonly host?: string,
  ) {}

  as(credentials: Credentials | undefined): ApiClient {
    return new ApiClient(this.baseUrl, credentials, this.host);
  }

  get(path: string, params: Record<string, ParamValue> = {}): Promise<ApiResponse> {
    return this.call('GET', path, params, 'query');
  }

  post(
    path: string,
    params: Record<string, ParamValue> = {},
    encoding: Encoding = 'form',
  ): Promise<ApiResponse> {
    return this.call('POST', path, params, encoding);
  }

  patch(
    path: string,
    params: Record<string, ParamValue> = {},
    encoding: Encoding = 'form',
  ): Promise<ApiResponse> {
    return this.call('PATCH', path, params, encoding);
  }

  put(
    path: string,
    params: Record<string, ParamValue> = {},
    encoding: Encoding = 'form',
  ): Promise<ApiResponse> {
    return this.call('PUT', path, params, encoding);
  }

  delete(
    path: string,
    params: Record<string, ParamValue> = {},
    encoding: Encoding = 'form',
  ): Promise<ApiResponse> {
    return this.call('DELETE', path, params, encoding);
  }

  async call(
    method: string,
    path: string,
    params: Record<string, ParamValue> = {},
    encoding: Encoding = 'form',
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const encoded = Object.entries(params)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)] as [string, string]);
    const url = new URL(`/api/v1${path}`, this.baseUrl);
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.credentials) {
      const token = Buffer.from(`${this.credentials.email}:${this.credentials.apiKey}`).toString(
        'base64',
      );
      headers.authorization = `Basic ${token}`;
    }
    let body: Buffer | undefined;
    if (encoding === 'query' || method === 'GET') {
      for (const [k, v] of encoded) url.searchParams.append(k, v);
    } else if (encoding === 'multipart') {
      const form = new FormData();
      for (const [k, v] of encoded) form.append(k, v);
      // Let the platform encode the multipart body, then send it ourselves.
      const encodedForm = new Request('http://localhost/', { method: 'POST', body: form });
      headers['content-type'] = encodedForm.headers.get('content-type') ?? '';
      body = Buffer.from(await encodedForm.arrayBuffer());
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = Buffer.from(new URLSearchParams(encoded).toString());
    }
    // node:http rather than fetch: fetch silently drops a Host header, and tests reach realms by Host.
    const res = await rawRequest(url, method, { ...headers, host: this.host ?? url.host }, body);
    const text = res.text;
    let parsed: ApiResponse['body'];
    try {
      parsed = JSON.parse(text) as ApiResponse['body'];
    } catch {
      throw new Error(
        `${method} ${path} answered ${res.status} with a non-JSON body: ${text.slice(0, 200)}`,
      );
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }
}

/** One HTTP request with exactly the headers given (including Host). */
export function rawRequest(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body?: Buffer,
): Promise<{ status: number; headers: Headers; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method, headers: body ? { ...headers, 'content-length': String(body.length) } : headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const out = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (v !== undefined) out.set(k, Array.isArray(v) ? v.join(', ') : v);
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: out,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The headers an API answer's sameness is judged by (the fast paths against the general way). */
export function apiHeaders(h: Headers): Array<[string, string | null]> {
  return [
    'content-type',
    'cache-control',
    'vary',
    'www-authenticate',
    'x-ratelimit-limit',
    'retry-after',
  ].map((name) => [name, h.get(name)]);
}
