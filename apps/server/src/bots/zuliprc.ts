import { stringify } from 'ini';

export interface ZuliprcFields {
  email: string;
  key: string;
  site: string;
  /** Outgoing-webhook bots: the token the server sends with each payload. */
  token?: string;
}

/** The `.zuliprc` text (INI, section `[api]`) that Zulip's clients and bots read. */
export function buildZuliprc(fields: ZuliprcFields): string {
  const api: Record<string, string> = { email: fields.email, key: fields.key, site: fields.site };
  if (fields.token) api.token = fields.token;
  return stringify({ api }, { whitespace: false });
}
