import type { HttpMethod } from './encoding';
import type {
  AddSubscriptionsOptions,
  AddSubscriptionsResult,
  CreateUserParams,
  GetMessageResult,
  GetMessagesParams,
  GetMessagesResult,
  ListStreamsParams,
  ListUsersParams,
  MatchesNarrowParams,
  MatchesNarrowResult,
  MessageHistoryEntry,
  NewSubscription,
  OwnUser,
  ReactionParams,
  RemoveSubscriptionsResult,
  RequestOptions,
  SendMessageParams,
  SendMessageResult,
  Stream,
  Subscription,
  SubscriptionPropertyChange,
  UpdateFlagsParams,
  UpdateMessageParams,
  UpdateStreamParams,
  UpdateUserParams,
  User,
  ZulipResponse,
} from './types';

/** The client's generic request function, as the endpoint groups see it. */
export type Caller = <T>(
  method: HttpMethod,
  path: string,
  params?: object,
  options?: RequestOptions,
) => Promise<ZulipResponse<T>>;

/** A path segment from an id, so `../` or `?` can never slip into a URL. */
function id(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`expected an integer id, got ${value}`);
  return String(value);
}

export function messagesApi(call: Caller) {
  return {
    send: (params: SendMessageParams, options?: RequestOptions) =>
      call<SendMessageResult>('POST', 'messages', params, options),
    get: (params: GetMessagesParams, options?: RequestOptions) =>
      call<GetMessagesResult>('GET', 'messages', params, options),
    getById: (
      messageId: number,
      params: { apply_markdown?: boolean } = {},
      options?: RequestOptions,
    ) => call<GetMessageResult>('GET', `messages/${id(messageId)}`, params, options),
    // The id also goes in the body, as python-zulip-api sends it.
    update: (params: UpdateMessageParams, options?: RequestOptions) =>
      call<{ detached_uploads?: unknown[] }>(
        'PATCH',
        `messages/${id(params.message_id)}`,
        params,
        options,
      ),
    delete: (messageId: number, options?: RequestOptions) =>
      call<object>('DELETE', `messages/${id(messageId)}`, {}, options),
    render: (content: string, options?: RequestOptions) =>
      call<{ rendered: string }>('POST', 'messages/render', { content }, options),
    updateFlags: (params: UpdateFlagsParams, options?: RequestOptions) =>
      call<{ messages: number[] }>('POST', 'messages/flags', params, options),
    markAllAsRead: (options?: RequestOptions) =>
      call<{ complete?: boolean }>('POST', 'mark_all_as_read', {}, options),
    markStreamAsRead: (streamId: number, options?: RequestOptions) =>
      call<object>('POST', 'mark_stream_as_read', { stream_id: streamId }, options),
    markTopicAsRead: (streamId: number, topicName: string, options?: RequestOptions) =>
      call<object>(
        'POST',
        'mark_topic_as_read',
        { stream_id: streamId, topic_name: topicName },
        options,
      ),
    addReaction: (params: ReactionParams, options?: RequestOptions) =>
      call<object>('POST', `messages/${id(params.message_id)}/reactions`, params, options),
    removeReaction: (params: ReactionParams, options?: RequestOptions) =>
      call<object>('DELETE', `messages/${id(params.message_id)}/reactions`, params, options),
    getHistory: (messageId: number, options?: RequestOptions) =>
      call<{ message_history: MessageHistoryEntry[] }>(
        'GET',
        `messages/${id(messageId)}/history`,
        {},
        options,
      ),
    matchesNarrow: (params: MatchesNarrowParams, options?: RequestOptions) =>
      call<MatchesNarrowResult>('GET', 'messages/matches_narrow', params, options),
  };
}

export function usersApi(call: Caller) {
  return {
    me: (options?: RequestOptions) => call<OwnUser>('GET', 'users/me', {}, options),
    list: (params: ListUsersParams = {}, options?: RequestOptions) =>
      call<{ members: User[] }>('GET', 'users', params, options),
    get: (userId: number, params: ListUsersParams = {}, options?: RequestOptions) =>
      call<{ user: User }>('GET', `users/${id(userId)}`, params, options),
    create: (params: CreateUserParams, options?: RequestOptions) =>
      call<{ user_id: number }>('POST', 'users', params, options),
    update: (userId: number, params: UpdateUserParams, options?: RequestOptions) =>
      call<object>('PATCH', `users/${id(userId)}`, params, options),
    deactivate: (userId: number, options?: RequestOptions) =>
      call<object>('DELETE', `users/${id(userId)}`, {}, options),
    reactivate: (userId: number, options?: RequestOptions) =>
      call<object>('POST', `users/${id(userId)}/reactivate`, {}, options),
  };
}

export function streamsApi(call: Caller) {
  return {
    list: (params: ListStreamsParams = {}, options?: RequestOptions) =>
      call<{ streams: Stream[] }>('GET', 'streams', params, options),
    getId: (name: string, options?: RequestOptions) =>
      call<{ stream_id: number }>('GET', 'get_stream_id', { stream: name }, options),
    update: (streamId: number, params: UpdateStreamParams, options?: RequestOptions) =>
      call<object>('PATCH', `streams/${id(streamId)}`, params, options),
    delete: (streamId: number, options?: RequestOptions) =>
      call<object>('DELETE', `streams/${id(streamId)}`, {}, options),
    members: (streamId: number, options?: RequestOptions) =>
      call<{ subscribers: number[] }>('GET', `streams/${id(streamId)}/members`, {}, options),
    topics: (streamId: number, options?: RequestOptions) =>
      call<{ topics: Array<{ name: string; max_id: number }> }>(
        'GET',
        `users/me/${id(streamId)}/topics`,
        {},
        options,
      ),
  };
}

export function subscriptionsApi(call: Caller) {
  return {
    list: (params: { include_subscribers?: boolean } = {}, options?: RequestOptions) =>
      call<{ subscriptions: Subscription[] }>('GET', 'users/me/subscriptions', params, options),
    add: (
      subscriptions: NewSubscription[],
      params: AddSubscriptionsOptions = {},
      options?: RequestOptions,
    ) =>
      call<AddSubscriptionsResult>(
        'POST',
        'users/me/subscriptions',
        { subscriptions, ...params },
        options,
      ),
    remove: (names: string[], principals?: Array<number | string>, options?: RequestOptions) =>
      call<RemoveSubscriptionsResult>(
        'DELETE',
        'users/me/subscriptions',
        { subscriptions: names, principals },
        options,
      ),
    updateProperties: (changes: SubscriptionPropertyChange[], options?: RequestOptions) =>
      call<{ subscription_data: SubscriptionPropertyChange[] }>(
        'POST',
        'users/me/subscriptions/properties',
        { subscription_data: changes },
        options,
      ),
  };
}

export function uploadsApi(call: Caller) {
  return {
    /**
     * Mirror bridges (API super users): a link to an upload that people on the remote side, who
     * have no account, can open; refused unless the realm allows public links to bridged uploads.
     */
    bridgedLink: (path: string, options?: RequestOptions) =>
      call<{ url: string }>('POST', 'user_uploads/bridged_link', { path }, options),
  };
}

/** The bot's key-value storage on the server: string keys, string values. */
export function botStorageApi(call: Caller) {
  return {
    get: (keys?: string[], options?: RequestOptions) =>
      call<{ storage: Record<string, string> }>('GET', 'bot_storage', { keys }, options),
    put: (storage: Record<string, string>, options?: RequestOptions) =>
      call<object>('PUT', 'bot_storage', { storage }, options),
    /** Removes the given keys, or everything when `keys` is omitted. */
    remove: (keys?: string[], options?: RequestOptions) =>
      call<object>('DELETE', 'bot_storage', { keys }, options),
  };
}
