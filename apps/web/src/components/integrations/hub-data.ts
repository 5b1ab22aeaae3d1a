import { useEffect, useState } from 'react';
import type { IntegrationInfo } from '@hub/api/webhook-delivery.types';
import { api } from '../../api';

/** An incoming-webhook bot the user may build URLs for and see deliveries of. */
export interface WebhookBot {
  user_id: number;
  email: string;
  full_name: string;
  api_key: string;
}

/** The user's incoming-webhook bots (an administrator's: every one of the organization). */
export function useWebhookBots(): { bots: WebhookBot[] | null; error: string | null } {
  const [bots, setBots] = useState<WebhookBot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ bots: Array<WebhookBot & { bot_type: number; is_active: boolean }> }>('GET', '/bots')
      .then((r) => setBots(r.bots.filter((b) => b.bot_type === 2 && b.is_active)))
      .catch((err: Error) => setError(err.message));
  }, []);
  return { bots, error };
}

let catalogue: Promise<IntegrationInfo[]> | null = null;

/** The gateway's catalogue (`/integrations.json`, forwarded by the server), loaded once. */
export function useCatalogue(): { integrations: IntegrationInfo[] | null; error: string | null } {
  const [integrations, setIntegrations] = useState<IntegrationInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogue ??= fetch('/integrations.json', { credentials: 'same-origin' }).then(async (res) => {
      const body = (await res.json().catch(() => ({}))) as { integrations?: IntegrationInfo[] };
      if (!res.ok || !body.integrations) throw new Error('The webhook gateway is not reachable');
      return body.integrations;
    });
    catalogue.then(setIntegrations, (err: Error) => {
      catalogue = null;
      setError(err.message);
    });
  }, []);
  return { integrations, error };
}
