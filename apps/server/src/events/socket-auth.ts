import { Injectable } from '@nestjs/common';
import { looksLikeApiKey } from '../auth/api-key';
import { ZulipError } from '../common/zulip-error';
import { RealmResolver } from '../realms/realm-resolver.service';
import { BotType, User } from '../users/user.types';
import { UsersRepository } from '../users/users.repository';

/**
 * Authenticates a WebSocket the way the HTTP guard authenticates a request: the realm from the
 * Host, then `email` + API key (from Basic auth on the upgrade, or the first `auth` message).
 */
@Injectable()
export class SocketAuth {
  constructor(
    private readonly resolver: RealmResolver,
    private readonly users: UsersRepository,
  ) {}

  async authenticate(host: string | undefined, email: string, apiKey: string): Promise<User> {
    const realm = await this.resolver.resolve(host);
    const invalid = () => new ZulipError('INVALID_API_KEY', 'Invalid API key', 401);
    if (!looksLikeApiKey(apiKey)) throw invalid();
    const user = await this.users.findByApiKey(apiKey);
    if (!user || user.email.toLowerCase() !== email.toLowerCase()) throw invalid();
    if (user.realm_id !== realm.id) {
      throw new ZulipError('INVALID_API_KEY', 'Account is not associated with this subdomain', 401);
    }
    if (realm.deactivated) {
      throw new ZulipError('REALM_DEACTIVATED', 'This organization has been deactivated', 401);
    }
    if (!user.is_active) throw new ZulipError('USER_DEACTIVATED', 'Account is deactivated', 401);
    if (user.bot_type === BotType.IncomingWebhook) {
      throw new ZulipError(
        'BAD_REQUEST',
        'This API is not available to incoming webhook bots.',
        403,
      );
    }
    return user;
  }
}
