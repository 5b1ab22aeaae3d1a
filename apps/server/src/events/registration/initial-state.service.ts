import { Inject, Injectable } from '@nestjs/common';
import { realmAuthMethodStates } from '../../realms/auth-methods';
import { AlertWordsRepository } from '../../alert-words/alert-words.repository';
import { LinkifiersRepository } from '../../linkifiers/linkifiers.repository';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../../config/config.module';
import type { Realm } from '../../identity/realm.types';
import { MAX_STREAM_DESCRIPTION_LENGTH, MAX_STREAM_NAME_LENGTH } from '../../streams/stream.types';
import { toApiStream, toApiSubscription } from '../../streams/stream-format';
import { avatarUrl, PresentOptions, presentUser } from '../../identity/user-presenter';
import { isAdmin, ListedUser, Role, User } from '../../identity/user.types';
import { InitialStateRepository } from './initial-state.repository';
import type { StreamWithSubscriptionRow } from './initial-state.types';
import { PresenceService } from '../presence/presence.service';
import { UserStatusService } from '../presence/user-status.service';
import { UsersService } from '../../users/users.service';
import { summarizeUnread } from './unread-summary';
import { UserGroupsRepository } from '../../user-groups/user-groups.repository';
import { toApiUserGroup } from '../../user-groups/user-group-format';
import { MutingRepository } from '../../muting/muting.repository';
import { toMutedTopics, toMutedUsers, toUserTopic } from '../../muting/muting-format';
import { DraftsRepository } from '../../drafts/drafts.repository';
import { toApiDraft } from '../../drafts/draft-format';
import { ScheduledMessagesRepository } from '../../scheduled-messages/scheduled-messages.repository';
import { toApiScheduledMessage } from '../../scheduled-messages/scheduled-message-format';
import { ProfileFieldsService } from '../../profile-fields/profile-fields.service';
import { RealmsRepository } from '../../identity/realms.repository';
import { PlaygroundsService } from '../../playgrounds/playgrounds.service';
import { UserSettingsDefaultsService } from '../../user-settings-defaults/user-settings-defaults.service';
import {
  LEGACY_NOTIFICATION_SETTINGS,
  SettingValue,
  withPersonal,
} from '../../user-settings-defaults/user-settings-defaults';
import { FIELD_TYPES } from '../../profile-fields/profile-field-rules';
import type { ProfileFieldValue } from '@hub/api/profile-field.types';

export interface StateOptions {
  /** null: every type. */
  fetchTypes: string[] | null;
  clientGravatar: boolean;
  includeSubscribers: boolean;
  slimPresence: boolean;
  /** The `user_settings_object` client capability. */
  userSettingsObject: boolean;
}

type State = Record<string, unknown>;

const MAX_TOPIC_LENGTH = 60;
const MAX_MESSAGE_LENGTH = 10_000;
const MIB = 1024 * 1024;

/** Zulip's typing-notification timing hints, in milliseconds. */
const TYPING = { started_expiry: 45_000, stopped_wait: 5_000, started_wait: 10_000 };

/**
 * The initial state `/register` returns for the requested `fetch_event_types`, read straight
 * from the database in a fixed number of queries (one per kind of data, never per row).
 */
/**
 * Who may create reusable invitation links (Zulip's `create_multiuse_invite_group`): the
 * administrators, the rule `InvitesService.createMultiuse` applies; this server has no setting
 * to change it.
 */
const MULTIUSE_INVITE_CREATORS = 'role:administrators';

@Injectable()
export class InitialStateService {
  constructor(
    private readonly repo: InitialStateRepository,
    private readonly linkifiers: LinkifiersRepository,
    private readonly presence: PresenceService,
    private readonly userGroups: UserGroupsRepository,
    private readonly muting: MutingRepository,
    private readonly drafts: DraftsRepository,
    private readonly scheduledMessages: ScheduledMessagesRepository,
    private readonly profileFields: ProfileFieldsService,
    private readonly realms: RealmsRepository,
    private readonly playgrounds: PlaygroundsService,
    private readonly userSettingsDefaults: UserSettingsDefaultsService,
    private readonly userStatus: UserStatusService,
    private readonly alertWords: AlertWordsRepository,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every requested part is read at once (each is one query or a few, independent of the
   * others; streams, users and the realm's setting defaults are loaded once and shared), then
   * the parts are put together in a fixed order.
   */
  async build(user: User, realm: Realm, options: StateOptions): Promise<State> {
    const want = (type: string) => options.fetchTypes === null || options.fetchTypes.includes(type);
    let streams: Promise<StreamWithSubscriptionRow[]> | undefined;
    const loadStreams = () => (streams ??= this.visibleStreams(user, realm.id));
    let users: Promise<ListedUser[]> | undefined;
    const loadUsers = () => (users ??= this.users.listVisible(user, realm));
    let defaults: Promise<Record<string, SettingValue>> | undefined;
    const loadDefaults = () => (defaults ??= this.userSettingsDefaults.get(realm.id));
    const parts: Array<Promise<State>> = [];
    const part = (wanted: boolean, read: () => Promise<State>) => {
      if (wanted) parts.push(read());
    };

    part(want('message'), async () => ({ max_message_id: await this.repo.maxMessageId(user.id) }));
    part(want('subscription'), async () =>
      this.subscriptions(await loadStreams(), options.includeSubscribers),
    );
    part(want('stream'), async () => ({
      streams: (await loadStreams()).map((s) => toApiStream(s)),
    }));
    part(want('realm_user'), async () => {
      const [users, profileData] = await Promise.all([
        loadUsers(),
        this.profileFields.realmProfileData(realm.id),
      ]);
      return this.realmUsers(user, users, profileData, options);
    });
    part(want('recent_private_conversations'), async () => ({
      recent_private_conversations: await this.repo.recentPrivateConversations(user.id),
    }));
    part(want('realm_domains'), async () => ({
      realm_domains: (await this.realms.domains(realm.id)).map((d) => ({
        domain: d.domain,
        allow_subdomains: d.allow_subdomains,
      })),
    }));
    part(want('realm_playgrounds'), async () => ({
      realm_playgrounds: await this.playgrounds.list(realm.id),
    }));
    part(want('realm_user_settings_defaults'), async () => ({
      realm_user_settings_defaults: await loadDefaults(),
    }));
    // Default stream groups are not a feature here: there are never any.
    part(want('default_stream_groups'), async () => ({ realm_default_stream_groups: [] }));
    part(want('custom_profile_fields'), async () => ({
      custom_profile_fields: await this.profileFields.list(realm.id),
      custom_profile_field_types: FIELD_TYPES,
    }));
    part(want('realm_bot'), async () => {
      const [users, streams] = await Promise.all([loadUsers(), loadStreams()]);
      return { realm_bots: await this.realmBots(user, users, streams) };
    });
    part(want('realm'), async () => {
      const groups = await this.userGroups.systemGroupIds(realm.id, [
        realm.can_access_all_users_group,
        MULTIUSE_INVITE_CREATORS,
      ]);
      return {
        ...this.realmSettings(realm),
        realm_can_access_all_users_group: groups[realm.can_access_all_users_group],
        realm_create_multiuse_invite_group: groups[MULTIUSE_INVITE_CREATORS],
      };
    });
    part(want('realm_linkifiers') || want('realm_filters'), async () => {
      const rows = await this.linkifiers.list(realm.id);
      const state: State = {};
      if (want('realm_linkifiers')) {
        state.realm_linkifiers = rows.map(({ id, pattern, url_template }) => ({
          id,
          pattern,
          url_template,
        }));
      }
      if (want('realm_filters')) {
        state.realm_filters = rows.map((r) => [r.pattern, r.url_template, r.id]);
      }
      return state;
    });
    part(want('realm_emoji'), async () => ({ realm_emoji: await this.emoji(realm.id) }));
    part(want('presence'), async () => ({
      presences: await this.presence.realmPresences(user, realm, options.slimPresence),
      server_timestamp: Date.now() / 1000,
      presence_last_update_id: -1,
    }));
    part(want('update_message_flags') || want('message'), async () => ({
      unread_msgs: summarizeUnread(await this.repo.unread(user.id), user.id),
    }));
    part(want('default_streams'), async () => ({
      realm_default_streams: (await this.repo.defaultStreams(realm.id)).map((s) => toApiStream(s)),
    }));
    part(want('user_status'), async () => ({
      user_status: await this.userStatus.realmStatuses(user, realm),
    }));
    part(want('alert_words'), async () => ({
      alert_words: await this.alertWords.list(user.id),
    }));
    part(want('realm_user_groups'), async () => ({
      realm_user_groups: (await this.userGroups.list(realm.id)).map(toApiUserGroup),
    }));
    part(want('user_topic') || want('muted_topics'), async () => {
      const topics = await this.muting.userTopics(user.id);
      const state: State = {};
      if (want('user_topic')) state.user_topics = topics.map(toUserTopic);
      if (want('muted_topics')) state.muted_topics = toMutedTopics(topics);
      return state;
    });
    part(want('muted_users'), async () => ({
      muted_users: toMutedUsers(await this.muting.mutedUsers(user.id)),
    }));
    part(want('drafts'), async () => ({
      drafts: (await this.drafts.list(user.id)).map(toApiDraft),
    }));
    part(want('scheduled_messages'), async () => ({
      scheduled_messages: (await this.scheduledMessages.listPending(user.id)).map(
        toApiScheduledMessage,
      ),
    }));
    part(want('update_global_notifications') && !options.userSettingsObject, async () => {
      // Clients without the `user_settings_object` capability read these at the top level.
      const settings = withPersonal(await loadDefaults(), user.settings);
      const state: State = {};
      for (const name of LEGACY_NOTIFICATION_SETTINGS) state[name] = settings[name];
      return state;
    });
    part(want('user_settings') || want('update_display_settings'), async () => ({
      // Settings users cannot set one by one yet follow the realm's defaults.
      user_settings: {
        ...withPersonal(await loadDefaults(), user.settings),
        ...this.userSettings(user, realm),
      },
    }));
    return Object.assign({}, ...(await Promise.all(parts))) as State;
  }

  /** Public streams plus the private ones the user is or was subscribed to (guests: only theirs). */
  private async visibleStreams(user: User, realmId: number) {
    const rows = await this.repo.streamsWithSubscription(realmId, user.id);
    const guest = user.role === Role.Guest;
    return rows.filter((s) => {
      if (s.sub_active) return true;
      // Private streams (and, for guests, every stream) only if the user was once subscribed.
      if (guest || s.invite_only) return s.sub_active === false;
      return true;
    });
  }

  private async subscriptions(rows: StreamWithSubscriptionRow[], includeSubscribers: boolean) {
    const subscribers = includeSubscribers
      ? await this.repo.subscribers(
          rows.filter((s) => s.sub_active || !s.invite_only).map((s) => s.id),
        )
      : undefined;
    const members = (id: number) => (subscribers ? (subscribers.get(id) ?? []) : undefined);
    const subscribed = rows.filter((s) => s.sub_active === true);
    const unsubscribed = rows.filter((s) => s.sub_active === false);
    const never = rows.filter((s) => s.sub_active === null);
    return {
      subscriptions: subscribed.map((s) =>
        toApiSubscription(
          {
            ...s,
            color: s.color ?? '#c2c2c2',
            is_muted: s.is_muted ?? false,
            pin_to_top: s.pin_to_top ?? false,
          },
          members(s.id),
        ),
      ),
      unsubscribed: unsubscribed.map((s) => ({
        ...toApiStream(s),
        // A private stream's members are visible only to its subscribers.
        ...(subscribers && !s.invite_only ? { subscribers: members(s.id) } : {}),
      })),
      never_subscribed: never.map((s) => ({
        ...toApiStream(s),
        ...(subscribers ? { subscribers: members(s.id) } : {}),
      })),
    };
  }

  private realmUsers(
    viewer: User,
    users: ListedUser[],
    profileData: Map<number, Record<string, ProfileFieldValue>>,
    options: StateOptions,
  ): State {
    // One options object for the whole list (10,000 users in a big realm), not one per user.
    const shared: PresentOptions = {
      viewer,
      clientGravatar: options.clientGravatar,
      includeProfileData: true,
    };
    const present = (u: ListedUser) => {
      shared.profileData = profileData.get(u.id);
      return presentUser(u, shared);
    };
    const self = presentUser(viewer, { viewer });
    return {
      realm_users: users.filter((u) => u.is_active).map(present),
      realm_non_active_users: users.filter((u) => !u.is_active).map(present),
      cross_realm_bots: [],
      user_id: viewer.id,
      email: viewer.email,
      delivery_email: viewer.delivery_email,
      full_name: viewer.full_name,
      avatar_source: viewer.avatar_source,
      avatar_url: self.avatar_url,
      avatar_url_medium: avatarUrl(viewer, true),
      is_admin: self.is_admin,
      is_owner: self.is_owner,
      is_moderator: viewer.role === Role.Moderator,
      is_guest: self.is_guest,
      is_billing_admin: false,
      user_role: viewer.role,
      can_create_streams: viewer.role !== Role.Guest && !viewer.is_bot,
      can_subscribe_other_users: viewer.role !== Role.Guest,
      can_invite_others: viewer.role !== Role.Guest,
    };
  }

  private async realmBots(viewer: User, users: ListedUser[], streams: StreamWithSubscriptionRow[]) {
    const bots = users.filter((u) => u.is_bot && (isAdmin(viewer) || u.bot_owner_id === viewer.id));
    if (bots.length === 0) return [];
    const services = await this.repo.botServices(bots.map((b) => b.id));
    const names = new Map(streams.map((s) => [s.id, s.name]));
    const streamName = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    return bots.map((bot) => ({
      user_id: bot.id,
      email: bot.email,
      full_name: bot.full_name,
      bot_type: bot.bot_type,
      is_active: bot.is_active,
      api_key: bot.api_key,
      default_sending_stream: streamName(bot.default_sending_stream_id),
      default_events_register_stream: streamName(bot.default_events_register_stream_id),
      default_all_public_streams: bot.default_all_public_streams,
      avatar_url: presentUser(bot, { viewer }).avatar_url,
      owner_id: bot.bot_owner_id,
      services: services
        .filter((s) => s.bot_id === bot.id)
        .map((s) => ({ base_url: s.base_url, interface: s.interface, token: s.token })),
    }));
  }

  private realmSettings(realm: Realm): State {
    const url = `http://${realm.string_id ? `${realm.string_id}.` : ''}${this.config.externalHost}`;
    return {
      realm_name: realm.name,
      realm_description: realm.description,
      realm_uri: url,
      realm_url: url,
      realm_date_created: Math.floor(new Date(realm.date_created).getTime() / 1000),
      realm_restricted_to_domain: realm.restricted_to_domain,
      realm_invite_required: realm.invite_required,
      realm_invite_by_admins_only: realm.invite_by_admin_only,
      realm_mandatory_topics: realm.mandatory_topics,
      realm_allow_message_editing: realm.allow_message_editing,
      realm_message_content_edit_limit_seconds: realm.message_content_edit_limit_seconds,
      realm_allow_message_deleting: realm.allow_message_deleting,
      realm_message_content_delete_limit_seconds: realm.message_content_delete_limit_seconds,
      realm_enable_read_receipts: realm.enable_read_receipts,
      realm_inline_image_preview: realm.inline_image_preview,
      realm_inline_url_embed_preview: realm.inline_url_embed_preview,
      realm_default_language: realm.default_language,
      realm_waiting_period_threshold: realm.waiting_period_threshold,
      realm_is_zephyr_mirror_realm: false,
      realm_presence_disabled: false,
      realm_email_changes_disabled: realm.email_changes_disabled,
      realm_allow_bridged_upload_links: realm.allow_bridged_upload_links,
      realm_name_changes_disabled: false,
      realm_authentication_methods: realmAuthMethodStates(realm, this.config),
      // Mobile apps register their devices and offer notification settings only when true.
      realm_push_notifications_enabled: this.config.push !== undefined,
      realm_push_notifications_enabled_end_timestamp: null,
      max_topic_length: MAX_TOPIC_LENGTH,
      max_message_length: MAX_MESSAGE_LENGTH,
      max_stream_name_length: MAX_STREAM_NAME_LENGTH,
      max_stream_description_length: MAX_STREAM_DESCRIPTION_LENGTH,
      // Upload limits (clients refuse bigger files before sending them); no quota: null.
      max_file_upload_size_mib: Math.floor(this.config.uploads.maxFileBytes / MIB),
      realm_upload_quota_mib: this.config.uploads.realmQuotaBytes
        ? Math.floor(this.config.uploads.realmQuotaBytes / MIB)
        : null,
      max_avatar_file_size_mib: Math.floor(this.config.uploads.maxAvatarBytes / MIB),
      server_generation: SERVER_GENERATION,
      server_typing_started_expiry_period_milliseconds: TYPING.started_expiry,
      server_typing_stopped_wait_period_milliseconds: TYPING.stopped_wait,
      server_typing_started_wait_period_milliseconds: TYPING.started_wait,
      server_presence_ping_interval_seconds: 60,
      server_presence_offline_threshold_seconds: 140,
      zulip_plan_is_not_limited: true,
    };
  }

  private async emoji(realmId: number) {
    const rows = await this.repo.emoji(realmId);
    return Object.fromEntries(
      rows.map((r) => [
        String(r.id),
        {
          id: String(r.id),
          name: r.name,
          source_url: `/user_avatars/${r.realm_id}/emoji/images/${encodeURIComponent(r.file_name)}`,
          deactivated: r.deactivated,
          author_id: r.author_id,
        },
      ]),
    );
  }

  private userSettings(user: User, realm: Realm) {
    return {
      default_language: realm.default_language,
      timezone: user.timezone,
      send_read_receipts: user.send_read_receipts,
      allow_private_data_export: user.allow_private_data_export,
      twenty_four_hour_time: user.twenty_four_hour_time,
      color_scheme: user.color_scheme,
    };
  }
}

/** Changes whenever this process starts, so clients know to reload after an upgrade. */
const SERVER_GENERATION = Math.floor(Date.now() / 1000);
