import type { User } from '../identity/user.types';

/** A row of `bot_services`: the outgoing-webhook endpoint or the embedded bot a bot runs. */
export interface BotServiceRow {
  id: number;
  bot_id: number;
  name: string;
  base_url: string;
  token: string;
  interface: number;
}

/** Zulip's outgoing-webhook payload formats. */
export enum ServiceInterface {
  Zulip = 1,
  SlackCompatible = 2,
}

/** The embedded bots Zulip can host (`EMBEDDED_BOTS`). */
export const EMBEDDED_BOT_NAMES = [
  'converter',
  'encrypt',
  'helloworld',
  'virtual_fs',
  'giphy',
  'followup',
] as const;

export interface BotWithOwner extends User {
  owner_email: string | null;
}
