import { useSyncExternalStore } from 'react';
import { api, ApiError, signedOut } from './api';
import {
  conversationKey,
  dmKey,
  fromApi,
  isMentioned,
  type ConnectionState,
  type Linkifier,
  type Message,
  type Person,
  type PresenceStatus,
  type RealmInfo,
  type SelfInfo,
  type StreamInfo,
  type UserGroup,
} from './model';
import { matchesNarrow, narrowToApi, type Directory, type Narrow } from './narrow';
import { UnreadIndex, type UnreadSummary } from './unread';
import { applyUserSettings } from './display-settings';
import { applyListEvent, emptyLists, listsFromState, type SettingsLists } from './settings-lists';
import type { Message as ApiMessage, ZulipEvent } from '../../../libs/client/src/types';

/** Parts of the state components subscribe to, each with its own version. */
export type Slice =
  | 'messages'
  | 'view'
  | 'unread'
  | 'streams'
  | 'users'
  | 'presence'
  | 'typing'
  | 'connection'
  | 'topics'
  | 'groups'
  | 'realm'
  /** Personal lists (alert words, mutes, statuses) and realm lists (profile fields, defaults). */
  | 'lists';

export interface View {
  narrow: Narrow;
  /** Loaded message ids in the narrow, oldest first. */
  ids: number[];
  foundOldest: boolean;
  foundNewest: boolean;
  loading: 'initial' | 'older' | 'newer' | null;
  /** The message the view opened at (first unread, `near:`, or newest). */
  anchorId: number | null;
  error: string | null;
  /** Bumps on every new view, so components can reset scroll positions. */
  generation: number;
}

export interface TopicInfo {
  name: string;
  maxId: number;
}

export interface TypingEntry {
  userId: number;
  expires: number;
}

const PAGE = 200;
const TYPING_EXPIRY_MS = 15_000;

export class ChatStore implements Directory {
  self: SelfInfo = { user_id: 0, email: '', full_name: '', is_admin: false };
  realm: RealmInfo = {
    name: '',
    allowMessageEditing: true,
    editLimitSeconds: 600,
    allowMessageDeleting: false,
    deleteLimitSeconds: 600,
    mandatoryTopics: false,
    maxMessageLength: 10000,
    maxTopicLength: 60,
    realmEmoji: {},
  };
  readonly users = new Map<number, Person>();
  readonly usersByEmail = new Map<string, number>();
  readonly streams = new Map<number, StreamInfo>();
  readonly messages = new Map<number, Message>();
  readonly topics = new Map<number, Map<string, TopicInfo>>();
  /** DM conversations by key, with their newest message id. */
  readonly recentDms = new Map<string, number>();
  readonly presence = new Map<number, { status: PresenceStatus; timestamp: number }>();
  readonly typing = new Map<string, TypingEntry[]>();
  groups: UserGroup[] = [];
  /** Zulip's role groups by name (`role:members` → id), for settings that name one. */
  systemGroups: Record<string, number> = {};
  /** Every `realm_*` value of the initial state, kept current by `realm` events. */
  realmSettings: Record<string, unknown> = {};
  linkifiers: Linkifier[] = [];
  lists: SettingsLists = emptyLists();
  unread = new UnreadIndex();
  connection: ConnectionState = 'connecting';
  view: View = {
    narrow: [],
    ids: [],
    foundOldest: false,
    foundNewest: false,
    loading: null,
    anchorId: null,
    error: null,
    generation: 0,
  };
  selectedId: number | null = null;

  private readonly versions: Record<Slice, number> = {
    messages: 0,
    view: 0,
    unread: 0,
    streams: 0,
    users: 0,
    presence: 0,
    typing: 0,
    connection: 0,
    topics: 0,
    groups: 0,
    realm: 0,
    lists: 0,
  };
  private readonly listeners = new Set<() => void>();
  private pendingNotify = false;
  private viewRequest: AbortController | null = null;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  version(slice: Slice): number {
    return this.versions[slice];
  }

  /** Marks slices changed; listeners run once per microtask however many changes happen. */
  changed(...slices: Slice[]): void {
    for (const slice of slices) this.versions[slice]++;
    if (this.pendingNotify) return;
    this.pendingNotify = true;
    queueMicrotask(() => {
      this.pendingNotify = false;
      for (const listener of [...this.listeners]) listener();
    });
  }

  // ---- Directory (for narrows) ----

  streamName(id: number): string | undefined {
    return this.streams.get(id)?.name;
  }
  streamId(name: string): number | undefined {
    const lower = name.toLowerCase();
    for (const s of this.streams.values()) if (s.name.toLowerCase() === lower) return s.stream_id;
    return undefined;
  }
  userName(id: number): string | undefined {
    return this.users.get(id)?.full_name;
  }
  userEmail(id: number): string | undefined {
    return this.users.get(id)?.email;
  }
  userIdByEmail(email: string): number | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  // ---- Initial state ----

  init(state: Record<string, unknown>): void {
    this.self = {
      user_id: Number(state.user_id),
      email: String(state.email ?? ''),
      delivery_email: String(state.delivery_email ?? state.email ?? ''),
      full_name: String(state.full_name ?? ''),
      is_admin: Boolean(state.is_admin),
      is_owner: Boolean(state.is_owner),
    };
    this.realmSettings = Object.fromEntries(
      Object.entries(state).filter(([key]) => key.startsWith('realm_')),
    );
    this.linkifiers = (state.realm_linkifiers as Linkifier[] | undefined) ?? [];
    this.lists = listsFromState(state);
    applyUserSettings((state.user_settings as Record<string, unknown> | undefined) ?? {});
    this.realm = {
      name: String(state.realm_name ?? ''),
      allowMessageEditing: state.realm_allow_message_editing !== false,
      editLimitSeconds: (state.realm_message_content_edit_limit_seconds as number | null) ?? null,
      allowMessageDeleting: Boolean(state.realm_allow_message_deleting),
      deleteLimitSeconds:
        (state.realm_message_content_delete_limit_seconds as number | null) ?? null,
      mandatoryTopics: Boolean(state.realm_mandatory_topics),
      maxMessageLength: Number(state.max_message_length ?? 10000),
      maxTopicLength: Number(state.max_topic_length ?? 60),
      realmEmoji: (state.realm_emoji as RealmInfo['realmEmoji']) ?? {},
    };
    this.users.clear();
    this.usersByEmail.clear();
    for (const list of [state.realm_users, state.realm_non_active_users, state.cross_realm_bots]) {
      for (const person of (list as Person[] | undefined) ?? []) this.putUser(person);
    }
    this.streams.clear();
    for (const sub of (state.subscriptions as Array<Record<string, unknown>> | undefined) ?? []) {
      this.putStream(sub, true);
    }
    for (const list of [state.unsubscribed, state.never_subscribed]) {
      for (const stream of (list as Array<Record<string, unknown>> | undefined) ?? [])
        this.putStream(stream, false);
    }
    this.unread = UnreadIndex.fromSummary(
      (state.unread_msgs as UnreadSummary) ?? {},
      this.self.user_id,
    );
    for (const [id, place] of this.unread.entries()) {
      if (place.streamId !== null) this.noteTopic(place.streamId, place.topic, id);
      else this.noteDm(place.key, id);
    }
    for (const conv of (state.recent_private_conversations as
      Array<{ user_ids: number[]; max_message_id: number }> | undefined) ?? []) {
      this.noteDm(dmKey(conv.user_ids, this.self.user_id), conv.max_message_id);
    }
    this.presence.clear();
    this.applyPresences(
      state.presences as Record<string, unknown> | undefined,
      Number(state.server_timestamp ?? Date.now() / 1000),
    );
    const allGroups = (state.realm_user_groups as UserGroup[] | undefined) ?? [];
    this.groups = allGroups.filter((g) => g.name && !g.name.startsWith('role:'));
    this.systemGroups = Object.fromEntries(
      allGroups.filter((g) => g.name.startsWith('role:')).map((g) => [g.name, g.id]),
    );
    this.changed(
      'users',
      'streams',
      'unread',
      'presence',
      'topics',
      'groups',
      'messages',
      'realm',
      'lists',
    );
  }

  /** One realm setting changed (`realm` event `update`, or a key of `update_dict`). */
  private applyRealmSetting(property: string, value: unknown): void {
    // The one setting whose event name differs from its initial-state name.
    const key =
      property === 'invite_by_admin_only' ? 'realm_invite_by_admins_only' : `realm_${property}`;
    this.realmSettings = { ...this.realmSettings, [key]: value };
    const realm = this.realm;
    if (property === 'name') realm.name = String(value);
    if (property === 'mandatory_topics') realm.mandatoryTopics = Boolean(value);
    if (property === 'allow_message_editing') realm.allowMessageEditing = Boolean(value);
    if (property === 'message_content_edit_limit_seconds')
      realm.editLimitSeconds = value as number | null;
    if (property === 'allow_message_deleting') realm.allowMessageDeleting = Boolean(value);
    if (property === 'message_content_delete_limit_seconds')
      realm.deleteLimitSeconds = value as number | null;
  }

  private putUser(person: Person): void {
    this.users.set(person.user_id, { ...this.users.get(person.user_id), ...person });
    this.usersByEmail.set(person.email.toLowerCase(), person.user_id);
  }

  private putStream(raw: Record<string, unknown>, subscribed: boolean): void {
    const id = Number(raw.stream_id);
    const old = this.streams.get(id);
    this.streams.set(id, {
      stream_id: id,
      name: String(raw.name ?? old?.name ?? ''),
      description: String(raw.description ?? old?.description ?? ''),
      invite_only: Boolean(raw.invite_only ?? old?.invite_only),
      subscribed,
      color: String(raw.color ?? old?.color ?? '#c2c2c2'),
      is_muted: Boolean(raw.is_muted ?? raw.in_home_view === false),
      pin_to_top: Boolean(raw.pin_to_top ?? old?.pin_to_top),
    });
  }

  private applyPresences(presences: Record<string, unknown> | undefined, serverTime: number): void {
    for (const [key, value] of Object.entries(presences ?? {})) {
      const id = /^\d+$/.test(key) ? Number(key) : this.userIdByEmail(key);
      if (id === undefined) continue;
      this.setPresence(id, value as Record<string, unknown>, serverTime);
    }
  }

  /** Understands both presence formats: slim (`active_timestamp`) and per client. */
  private setPresence(userId: number, value: Record<string, unknown>, serverTime: number): void {
    let status: PresenceStatus = 'offline';
    let timestamp = 0;
    if (typeof value.active_timestamp === 'number') {
      timestamp = Math.max(value.active_timestamp, Number(value.idle_timestamp ?? 0));
      status =
        serverTime - value.active_timestamp < 140
          ? 'active'
          : serverTime - timestamp < 140
            ? 'idle'
            : 'offline';
    } else {
      for (const info of Object.values(value) as Array<{ status?: string; timestamp?: number }>) {
        if (!info || typeof info.timestamp !== 'number') continue;
        if (serverTime - info.timestamp > 140) continue;
        if (info.status === 'active') status = 'active';
        else if (status !== 'active') status = 'idle';
        timestamp = Math.max(timestamp, info.timestamp);
      }
    }
    this.presence.set(userId, { status, timestamp });
  }

  private noteTopic(streamId: number, topic: string, messageId: number): void {
    let topics = this.topics.get(streamId);
    if (!topics) {
      topics = new Map();
      this.topics.set(streamId, topics);
    }
    const key = topic.toLowerCase();
    const old = topics.get(key);
    if (!old || old.maxId < messageId)
      topics.set(key, { name: old && old.maxId > messageId ? old.name : topic, maxId: messageId });
  }

  private noteDm(key: string, messageId: number): void {
    if ((this.recentDms.get(key) ?? 0) < messageId) this.recentDms.set(key, messageId);
  }

  /** `GET /users/me/{stream_id}/topics`, merged with what the client already knows. */
  async loadTopics(streamId: number): Promise<void> {
    try {
      const reply = await api<{ topics: Array<{ name: string; max_id: number }> }>(
        'GET',
        `/users/me/${streamId}/topics`,
      );
      for (const t of reply.topics) this.noteTopic(streamId, t.name, t.max_id);
      this.changed('topics');
    } catch (err) {
      // Servers without the endpoint: the topics of loaded and unread messages still show.
      if (!(err instanceof ApiError)) throw err;
    }
  }

  /**
   * The DM conversations for the sidebar: from `recent_private_conversations` when the server
   * sends it, else from the newest direct messages.
   */
  async loadRecentDms(): Promise<void> {
    if (this.recentDms.size > 0) return;
    const reply = await api<{ messages: ApiMessage[] }>('GET', '/messages', {
      anchor: 'newest',
      num_before: 200,
      num_after: 0,
      narrow: [{ operator: 'is', operand: 'dm' }],
      apply_markdown: false,
    });
    for (const raw of reply.messages) {
      const m = fromApi(raw, this.self.user_id);
      this.noteDm(conversationKey(m, this.self.user_id), m.id);
    }
    this.changed('topics');
  }

  async loadGroups(): Promise<void> {
    try {
      const reply = await api<{ user_groups: UserGroup[] }>('GET', '/user_groups');
      this.groups = reply.user_groups.filter((g) => g.name && !g.name.startsWith('role:'));
      this.changed('groups');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
    }
  }

  // ---- Messages and the view ----

  private putMessage(raw: ApiMessage, flags?: string[]): Message {
    const message = fromApi(raw, this.self.user_id, flags);
    this.messages.set(message.id, message);
    if (message.type === 'stream' && message.stream_id !== undefined)
      this.noteTopic(message.stream_id, message.subject, message.id);
    else this.noteDm(conversationKey(message, this.self.user_id), message.id);
    return message;
  }

  /** Opens a narrow: fetches around its first unread message (or `near:`), else the newest. */
  async openView(narrow: Narrow): Promise<void> {
    this.viewRequest?.abort();
    const near = narrow.find((t) => t.operator === 'near' || t.operator === 'id');
    const listNarrow = narrow.filter((t) => t.operator !== 'near');
    this.view = {
      narrow,
      ids: [],
      foundOldest: false,
      foundNewest: false,
      loading: 'initial',
      anchorId: near ? Number(near.operand) : null,
      error: null,
      generation: this.view.generation + 1,
    };
    this.selectedId = null;
    this.changed('view');
    const searching = narrow.some((t) => t.operator === 'search');
    const anchor = near ? Number(near.operand) : searching ? 'newest' : 'first_unread';
    await this.fetchInto(listNarrow, anchor, PAGE, PAGE, 'initial');
  }

  async loadOlder(): Promise<void> {
    const v = this.view;
    if (v.loading || v.foundOldest || v.ids.length === 0) return;
    await this.fetchInto(
      v.narrow.filter((t) => t.operator !== 'near'),
      v.ids[0],
      PAGE,
      0,
      'older',
    );
  }

  async loadNewer(): Promise<void> {
    const v = this.view;
    if (v.loading || v.foundNewest || v.ids.length === 0) return;
    await this.fetchInto(
      v.narrow.filter((t) => t.operator !== 'near'),
      v.ids[v.ids.length - 1],
      0,
      PAGE,
      'newer',
    );
  }

  private async fetchInto(
    narrow: Narrow,
    anchor: number | 'newest' | 'first_unread',
    before: number,
    after: number,
    kind: 'initial' | 'older' | 'newer',
  ): Promise<void> {
    const generation = this.view.generation;
    const request = new AbortController();
    if (kind === 'initial') this.viewRequest = request;
    this.view = { ...this.view, loading: kind };
    this.changed('view');
    try {
      const reply = await api<{
        messages: ApiMessage[];
        anchor: number;
        found_oldest: boolean;
        found_newest: boolean;
        found_anchor: boolean;
      }>(
        'GET',
        '/messages',
        {
          anchor: String(anchor),
          num_before: before,
          num_after: after,
          include_anchor: kind === 'initial',
          narrow: narrowToApi(narrow),
          apply_markdown: true,
          client_gravatar: false,
        },
        { signal: request.signal },
      );
      if (generation !== this.view.generation) return;
      const ids = new Set(this.view.ids);
      for (const raw of reply.messages) {
        this.putMessage(raw, raw.flags);
        ids.add(raw.id);
      }
      const sorted = [...ids].sort((a, b) => a - b);
      const v = this.view;
      this.view = {
        ...v,
        ids: sorted,
        loading: null,
        foundOldest: kind === 'newer' ? v.foundOldest : reply.found_oldest,
        foundNewest: kind === 'older' ? v.foundNewest : reply.found_newest,
        anchorId: kind === 'initial' ? this.initialAnchor(reply, sorted) : v.anchorId,
      };
      if (kind === 'initial') this.selectedId = this.view.anchorId;
      this.changed('view', 'messages', 'topics');
    } catch (err) {
      if ((err as Error).name === 'AbortError' || generation !== this.view.generation) return;
      this.view = { ...this.view, loading: null, error: (err as Error).message };
      this.changed('view');
    }
  }

  private initialAnchor(
    reply: { anchor: number; found_anchor: boolean },
    ids: number[],
  ): number | null {
    if (ids.length === 0) return null;
    if (ids.includes(reply.anchor)) return reply.anchor;
    // The first unread was past the end: show the newest.
    return ids.find((id) => id >= reply.anchor) ?? ids[ids.length - 1];
  }

  /** Whether a message that just arrived belongs in the open view (asks the server when unsure). */
  private async addToView(message: Message): Promise<void> {
    const v = this.view;
    if (!v.foundNewest) return;
    const narrow = v.narrow.filter((t) => t.operator !== 'near');
    let belongs = matchesNarrow(narrow, message, this.self.user_id);
    if (belongs === undefined) {
      try {
        const reply = await api<{ messages: Record<string, unknown> }>(
          'GET',
          '/messages/matches_narrow',
          {
            msg_ids: [message.id],
            narrow: narrowToApi(narrow),
          },
        );
        belongs = String(message.id) in reply.messages;
      } catch {
        belongs = false;
      }
      if (this.view.generation !== v.generation) return;
    }
    if (!belongs || this.view.ids.includes(message.id)) return;
    const ids = [...this.view.ids, message.id].sort((a, b) => a - b);
    this.view = { ...this.view, ids };
    this.changed('view');
  }

  // ---- Events ----

  applyEvents(events: ZulipEvent[]): void {
    for (const event of events) {
      try {
        this.applyEvent(event);
      } catch (err) {
        console.error('Could not apply event', event, err);
      }
    }
  }

  private applyEvent(e: ZulipEvent): void {
    const ev = e as ZulipEvent & Record<string, never>;
    switch (e.type) {
      case 'message': {
        const flags = (ev.flags as unknown as string[] | undefined) ?? [];
        const message = this.putMessage(ev.message as unknown as ApiMessage, flags);
        if (!flags.includes('read')) this.unread.add(message, this.self.user_id);
        this.clearTyping(message);
        void this.addToView(message);
        this.changed('messages', 'unread', 'topics');
        return;
      }
      case 'update_message':
        return this.applyUpdate(e as unknown as UpdateEvent);
      case 'delete_message': {
        const ids =
          (e.message_ids as number[] | undefined) ??
          (e.message_id !== undefined ? [Number(e.message_id)] : []);
        for (const id of ids) this.messages.delete(id);
        this.unread.remove(ids);
        const gone = new Set(ids);
        this.view = { ...this.view, ids: this.view.ids.filter((id) => !gone.has(id)) };
        this.changed('messages', 'view', 'unread');
        return;
      }
      case 'update_message_flags':
        return this.applyFlags(e as unknown as FlagsEvent);
      case 'reaction': {
        const message = this.messages.get(Number(e.message_id));
        if (!message) return;
        const r = e as unknown as {
          op: string;
          user_id: number;
          emoji_name: string;
          emoji_code: string;
          reaction_type: Message['reactions'][number]['reaction_type'];
          user?: { user_id: number };
        };
        const userId = r.user_id ?? r.user?.user_id;
        const others = message.reactions.filter(
          (x) =>
            !(
              x.user_id === userId &&
              x.emoji_code === r.emoji_code &&
              x.reaction_type === r.reaction_type
            ),
        );
        const reactions =
          r.op === 'add'
            ? [
                ...others,
                {
                  emoji_name: r.emoji_name,
                  emoji_code: r.emoji_code,
                  reaction_type: r.reaction_type,
                  user_id: userId,
                },
              ]
            : others;
        this.messages.set(message.id, { ...message, reactions });
        this.changed('messages');
        return;
      }
      case 'typing':
        return this.applyTyping(e);
      case 'presence': {
        const id = Number(e.user_id ?? this.userIdByEmail(String(e.email)));
        this.setPresence(
          id,
          (e.presence as Record<string, unknown>) ?? {},
          Number(e.server_timestamp ?? Date.now() / 1000),
        );
        this.changed('presence');
        return;
      }
      case 'presence_snapshot':
        this.applyPresences(
          e.presences as Record<string, unknown>,
          Number(e.server_timestamp ?? Date.now() / 1000),
        );
        this.changed('presence');
        return;
      case 'realm_user': {
        const person = e.person as unknown as Person;
        if (e.op === 'remove') {
          const old = this.users.get(person.user_id);
          if (old) this.users.set(person.user_id, { ...old, is_active: false });
        } else {
          this.putUser({ ...(this.users.get(person.user_id) ?? ({} as Person)), ...person });
          if (person.user_id === this.self.user_id) {
            // Deactivated: the server has ended the session already.
            if (person.is_active === false) signedOut();
            if (person.full_name !== undefined) this.self.full_name = person.full_name;
            // A confirmed email change (the link was followed, perhaps in another browser).
            const delivery = (e.person as Record<string, unknown>).delivery_email;
            if (typeof delivery === 'string') this.self.delivery_email = delivery;
            if (person.role !== undefined) {
              this.self.is_admin = person.role <= 200;
              this.self.is_owner = person.role === 100;
            }
          }
        }
        this.changed('users', 'realm');
        return;
      }
      case 'subscription':
        return this.applySubscription(e);
      case 'stream': {
        if (e.op === 'create')
          for (const s of e.streams as unknown as Array<Record<string, unknown>>)
            this.putStream(s, this.streams.get(Number(s.stream_id))?.subscribed ?? false);
        if (e.op === 'delete')
          for (const s of e.streams as unknown as Array<{ stream_id: number }>)
            this.streams.delete(s.stream_id);
        if (e.op === 'update') {
          const s = this.streams.get(Number(e.stream_id));
          if (s && typeof e.property === 'string') {
            const renamed: Record<string, string> = {
              name: 'name',
              description: 'description',
              invite_only: 'invite_only',
            };
            const key = renamed[e.property];
            if (key) this.streams.set(s.stream_id, { ...s, [key]: e.value });
          }
        }
        this.changed('streams');
        return;
      }
      case 'user_group':
        void this.loadGroups();
        return;
      case 'realm':
        if (e.op === 'update' && typeof e.property === 'string')
          this.applyRealmSetting(e.property, e.value);
        if (e.op === 'update_dict' && e.data)
          for (const [property, value] of Object.entries(e.data as Record<string, unknown>))
            this.applyRealmSetting(property, value);
        this.changed('users', 'realm');
        return;
      case 'user_settings':
        if (e.op === 'update' && typeof e.property === 'string')
          applyUserSettings({ [e.property]: e.value });
        return;
      case 'realm_emoji':
        if (e.op === 'update' && e.realm_emoji) {
          this.realm.realmEmoji = e.realm_emoji as unknown as RealmInfo['realmEmoji'];
          this.changed('realm', 'messages');
        }
        return;
      case 'alert_words':
      case 'muted_users':
      case 'user_topic':
      case 'user_status':
      case 'custom_profile_fields':
      case 'default_streams':
        this.lists = applyListEvent(this.lists, e);
        this.changed('lists');
        return;
      case 'realm_domains':
        // The organization settings page reloads the list.
        this.changed('realm');
        return;
      case 'realm_linkifiers':
        this.linkifiers = (e.realm_linkifiers as unknown as Linkifier[]) ?? [];
        this.changed('realm');
        return;
      default:
        return;
    }
  }

  private applyUpdate(e: UpdateEvent): void {
    const ids = e.message_ids ?? [e.message_id];
    const first = this.messages.get(e.message_id);
    if (first && e.rendered_content !== undefined) {
      const edit = { user_id: e.user_id ?? null, timestamp: e.edit_timestamp };
      this.messages.set(first.id, {
        ...first,
        content: e.rendered_content,
        last_edit_timestamp: e.rendering_only ? first.last_edit_timestamp : e.edit_timestamp,
        edit_history: e.rendering_only
          ? first.edit_history
          : [{ ...edit, prev_rendered_content: first.content }, ...(first.edit_history ?? [])],
        flags: e.flags ?? first.flags,
      });
      if (e.flags) this.unread.setMentioned(first.id, isMentioned(e.flags));
    }
    const newTopic = e.subject;
    const newStream = e.new_stream_id;
    if (newTopic !== undefined || newStream !== undefined) {
      for (const id of ids) {
        const m = this.messages.get(id);
        if (!m || m.type !== 'stream') continue;
        const move = {
          user_id: e.user_id ?? null,
          timestamp: e.edit_timestamp,
          ...(newTopic !== undefined ? { prev_topic: m.subject, topic: newTopic } : {}),
          ...(newStream !== undefined ? { prev_stream: m.stream_id, stream: newStream } : {}),
        };
        const moved = {
          ...m,
          subject: newTopic ?? m.subject,
          stream_id: newStream ?? m.stream_id,
          last_edit_timestamp: e.edit_timestamp,
          edit_history: [move, ...(m.edit_history ?? [])],
        };
        if (newStream !== undefined)
          moved.display_recipient = this.streamName(newStream) ?? m.display_recipient;
        this.messages.set(id, moved);
        if (moved.stream_id !== undefined) this.noteTopic(moved.stream_id, moved.subject, id);
      }
      const streamId = newStream ?? e.stream_id;
      if (streamId !== undefined) this.unread.move(ids, streamId, newTopic ?? e.orig_subject ?? '');
      // Messages that moved out of the open narrow leave it.
      const narrow = this.view.narrow;
      const kept = this.view.ids.filter((id) => {
        const m = this.messages.get(id);
        return (
          !m ||
          matchesNarrow(
            narrow.filter((t) => t.operator !== 'near'),
            m,
            this.self.user_id,
          ) !== false
        );
      });
      this.view = { ...this.view, ids: kept };
      if (e.stream_id !== undefined && e.orig_subject !== undefined)
        void this.loadTopics(e.stream_id);
    }
    this.changed('messages', 'unread', 'topics', 'view');
  }

  private applyFlags(e: FlagsEvent): void {
    const op = e.op ?? e.operation;
    if (e.flag === 'read') {
      if (op === 'add') {
        if (e.all) this.unread.clear();
        else this.unread.remove(e.messages);
      } else {
        for (const id of e.messages) {
          const m = this.messages.get(id);
          if (m)
            this.unread.add(
              { ...m, flags: m.flags.filter((f) => f !== 'read') },
              this.self.user_id,
            );
          else {
            const details = e.message_details?.[String(id)];
            if (details) {
              const users = details.user_ids ?? [];
              const fake = {
                type: details.type === 'stream' ? ('stream' as const) : ('private' as const),
                stream_id: details.stream_id,
                subject: details.topic ?? '',
                dmUserIds: [...users, this.self.user_id],
              };
              this.unread.add(
                {
                  ...(fake as unknown as Message),
                  id,
                  flags: details.mentioned ? ['mentioned'] : [],
                },
                this.self.user_id,
              );
            }
          }
        }
      }
    }
    const targets = e.all ? [...this.messages.keys()] : e.messages;
    for (const id of targets) {
      const m = this.messages.get(id);
      if (!m) continue;
      const has = m.flags.includes(e.flag);
      if (op === 'add' && !has) this.messages.set(id, { ...m, flags: [...m.flags, e.flag] });
      if (op === 'remove' && has)
        this.messages.set(id, { ...m, flags: m.flags.filter((f) => f !== e.flag) });
    }
    this.changed('messages', 'unread');
  }

  private applySubscription(e: ZulipEvent): void {
    if (e.op === 'add')
      for (const s of e.subscriptions as Array<Record<string, unknown>>) this.putStream(s, true);
    if (e.op === 'remove') {
      for (const s of e.subscriptions as Array<{ stream_id: number }>) {
        const old = this.streams.get(s.stream_id);
        if (old) this.streams.set(s.stream_id, { ...old, subscribed: false });
      }
    }
    if (e.op === 'update') {
      const old = this.streams.get(Number(e.stream_id));
      const property = String(e.property);
      if (old) {
        if (property === 'color')
          this.streams.set(old.stream_id, { ...old, color: String(e.value) });
        if (property === 'is_muted' || property === 'in_home_view')
          this.streams.set(old.stream_id, {
            ...old,
            is_muted: property === 'is_muted' ? Boolean(e.value) : !e.value,
          });
        if (property === 'pin_to_top')
          this.streams.set(old.stream_id, { ...old, pin_to_top: Boolean(e.value) });
      }
    }
    this.changed('streams');
  }

  // ---- Typing ----

  private typingKeyFor(e: ZulipEvent): string | null {
    if (e.message_type === 'stream')
      return `stream:${Number(e.stream_id)}:${String(e.topic ?? '').toLowerCase()}`;
    const recipients = (e.recipients as Array<{ user_id: number }> | undefined) ?? [];
    return dmKey(
      recipients.map((r) => r.user_id),
      this.self.user_id,
    );
  }

  private applyTyping(e: ZulipEvent): void {
    const sender = (e.sender as { user_id: number } | undefined)?.user_id;
    const key = this.typingKeyFor(e);
    if (sender === undefined || key === null || sender === this.self.user_id) return;
    const list = (this.typing.get(key) ?? []).filter(
      (t) => t.userId !== sender && t.expires > Date.now(),
    );
    if (e.op === 'start') list.push({ userId: sender, expires: Date.now() + TYPING_EXPIRY_MS });
    if (list.length > 0) this.typing.set(key, list);
    else this.typing.delete(key);
    this.changed('typing');
    if (e.op === 'start') setTimeout(() => this.changed('typing'), TYPING_EXPIRY_MS + 50);
  }

  private clearTyping(message: Message): void {
    const key = conversationKey(message, this.self.user_id);
    const list = this.typing.get(key);
    if (!list) return;
    const rest = list.filter((t) => t.userId !== message.sender_id);
    if (rest.length > 0) this.typing.set(key, rest);
    else this.typing.delete(key);
    this.changed('typing');
  }

  typingIn(key: string): number[] {
    const now = Date.now();
    return (this.typing.get(key) ?? []).filter((t) => t.expires > now).map((t) => t.userId);
  }

  setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.changed('connection');
  }

  // ---- Actions ----

  /** The view in which the reader marked messages unread: it marks nothing read until left. */
  private readingPausedIn: number | null = null;

  pauseReadingInView(): void {
    this.readingPausedIn = this.view.generation;
  }

  /** Marks messages seen in the view read (those still unread), as the server and then the event confirm. */
  async markSeen(ids: number[]): Promise<void> {
    if (this.readingPausedIn === this.view.generation) return;
    const unread = ids.filter((id) => this.unread.has(id));
    if (unread.length === 0) return;
    this.unread.remove(unread);
    this.changed('unread');
    await api('POST', '/messages/flags', { messages: unread, op: 'add', flag: 'read' });
  }

  async markAllRead(): Promise<void> {
    this.unread.clear();
    this.changed('unread');
    await api('POST', '/mark_all_as_read');
  }

  setSelected(id: number | null): void {
    if (this.selectedId === id) return;
    this.selectedId = id;
    this.changed('view');
  }
}

interface UpdateEvent {
  message_id: number;
  user_id?: number | null;
  message_ids?: number[];
  flags?: string[];
  edit_timestamp: number;
  rendering_only?: boolean;
  stream_id?: number;
  new_stream_id?: number;
  orig_subject?: string;
  subject?: string;
  rendered_content?: string;
}

interface FlagsEvent {
  op?: 'add' | 'remove';
  operation?: 'add' | 'remove';
  flag: string;
  messages: number[];
  all?: boolean;
  message_details?: Record<
    string,
    { type: string; stream_id?: number; topic?: string; user_ids?: number[]; mentioned?: boolean }
  >;
}

export const store = new ChatStore();

/** Re-renders the component when any of `slices` changes. */
export function useSlices(...slices: Slice[]): void {
  useSyncExternalStore(store.subscribe, () => slices.map((s) => store.version(s)).join(','));
}
