import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { ZULIP_FEATURE_LEVEL, ZULIP_VERSION } from '../../common/version';
import { ZulipError } from '../../common/zulip-error';
import { APP_CONFIG } from '../../config/config.module';
import type { Realm } from '../../identity/realm.types';
import { Role, User } from '../../identity/user.types';
import type { RegisterDto } from './dto/register.dto';
import { EventsService } from '../queues/events.service';
import { InitialStateService } from './initial-state.service';
import { parseNarrow, QueueSpec } from '../queues/queue-spec';

/** `POST /register`: a new event queue plus the state it continues from. */
@Injectable()
export class RegisterService {
  constructor(
    private readonly events: EventsService,
    private readonly state: InitialStateService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(user: User, realm: Realm, p: RegisterDto): Promise<Record<string, unknown>> {
    // The queue exists before the state is read, so an event published after the snapshot is
    // in the queue and none falls between the two.
    const queueId = await this.createQueue(user, p);
    const fetchTypes =
      p.fetch_event_types !== undefined ? p.fetch_event_types : (p.event_types ?? null);
    const state = await this.state.build(user, realm, {
      fetchTypes,
      clientGravatar: p.client_gravatar ?? false,
      includeSubscribers: p.include_subscribers ?? false,
      slimPresence: p.slim_presence ?? false,
      userSettingsObject: p.client_capabilities?.user_settings_object === true,
    });
    return {
      queue_id: queueId,
      last_event_id: -1,
      zulip_version: ZULIP_VERSION,
      zulip_feature_level: ZULIP_FEATURE_LEVEL,
      zulip_merge_base: ZULIP_VERSION,
      event_queue_longpoll_timeout_seconds: this.config.eventHeartbeatMaxSeconds + 35,
      ...state,
    };
  }

  /** Creates the queue only (also what `GET /events` without `queue_id` does). */
  createQueue(user: User, p: RegisterDto): Promise<string> {
    return this.events.createQueue(this.spec(user, p));
  }

  private spec(user: User, p: RegisterDto): QueueSpec {
    const allPublicStreams = p.all_public_streams ?? user.default_all_public_streams;
    if (allPublicStreams && user.role === Role.Guest) {
      throw new ZulipError('BAD_REQUEST', 'User not authorized for this query', 400);
    }
    const capabilities = p.client_capabilities ?? {};
    return {
      userId: user.id,
      realmId: user.realm_id,
      eventTypes: p.event_types ?? null,
      narrow: parseNarrow(p.narrow),
      allPublicStreams,
      applyMarkdown: p.apply_markdown ?? false,
      clientGravatar: p.client_gravatar ?? false,
      bulkMessageDeletion: capabilities.bulk_message_deletion === true,
      streamTypingNotifications: capabilities.stream_typing_notifications === true,
      userSettingsObject: capabilities.user_settings_object === true,
    };
  }
}
