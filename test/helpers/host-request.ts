import { ApiClient, ApiResponse, Credentials } from './api-client';

/** A request to the realm at `host` (e.g. `other.localhost`) on the loopback test server. */
export function requestWithHost(
  baseUrl: string,
  host: string,
  method: string,
  path: string,
  options: { credentials?: Credentials; form?: Record<string, string> } = {},
): Promise<ApiResponse> {
  return new ApiClient(baseUrl, options.credentials, host).call(method, path, options.form ?? {});
}
