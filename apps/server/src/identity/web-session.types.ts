export interface WebSession {
  token_hash: string;
  user_id: number;
  realm_id: number;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string;
  user_agent: string;
}
