import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import type { WebhookMessage } from './outgoing-webhook-payload';
import type { ServiceBotRow, ServiceTrigger } from './service-bot.types';

/** Everything one attempt needs, read fresh from the database. */
export interface ServiceBotEvent {
  realm: Realm;
  /** The bot's user row (it posts as this user). */
  botUser: User;
  service: ServiceBotRow;
  trigger: ServiceTrigger;
  message: WebhookMessage;
}
