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
    if (this.host) headers.host = this.host;
    let body: string | FormData | undefined;
    if (encoding === 'query' || method === 'GET') {
      for (const [k, v] of encoded) url.searchParams.append(k, v);
    } else if (encoding === 'multipart') {
      const form = new FormData();
      for (const [k, v] of encoded) form.append(k, v);
      body = form;
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(encoded).toString();
    }
    const res = await fetch(url, { method, headers, body });
    const text = await res.text();
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
