import * as http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Credentials } from '../helpers/api-client';

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** The body as JSON (error envelopes, API answers). */
  json(): Record<string, unknown>;
}

export interface RequestOptions {
  credentials?: Credentials;
  headers?: Record<string, string>;
  body?: Buffer;
  host?: string;
}

/** One HTTP request with a binary answer (files are not text). */
export function request(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<RawAnswer> {
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = { ...options.headers };
  if (options.credentials) {
    const { email, apiKey } = options.credentials;
    headers.authorization = `Basic ${Buffer.from(`${email}:${apiKey}`).toString('base64')}`;
  }
  if (options.host) headers.host = options.host;
  if (options.body) headers['content-length'] = String(options.body.length);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body,
          json: () => JSON.parse(body.toString('utf8')) as Record<string, unknown>,
        });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** A multipart/form-data body written out by hand: one file part, plus plain fields. */
export function multipartBody(
  file: { field?: string; name: string; type?: string; data: Buffer },
  fields: Record<string, string> = {},
): { body: Buffer; contentType: string } {
  const boundary = `----zh${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; ` +
        `filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POST a file to `path` (default `/api/v1/user_uploads`) as a raw multipart request. */
export function uploadFile(
  baseUrl: string,
  credentials: Credentials | undefined,
  file: { name: string; type?: string; data: Buffer },
  options: { path?: string; host?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const { body, contentType } = multipartBody(file);
  return request(baseUrl, 'POST', options.path ?? '/api/v1/user_uploads', {
    credentials,
    host: options.host,
    body,
    headers: { 'content-type': contentType, ...options.headers },
  });
}
