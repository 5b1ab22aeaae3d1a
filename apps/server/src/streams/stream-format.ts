import { escapeHtml } from '@hub/markdown/html';
import type { Stream as ApiStream, Subscription as ApiSubscription } from '@hub/api/stream.types';
import type { Stream } from './stream.types';
import type { SubscribedStream } from './subscriptions.repository';

/** Seconds since the epoch, as Zulip sends timestamps. */
function unixSeconds(date: Date): number {
  return Math.floor(new Date(date).getTime() / 1000);
}

/** A stream in Zulip's `BasicChannel` shape (what `GET /streams` lists). */
export function toApiStream(stream: Stream): ApiStream {
  return {
    stream_id: stream.id,
    name: stream.name,
    description: stream.description,
    rendered_description: stream.rendered_description,
    date_created: unixSeconds(stream.date_created),
    creator_id: stream.creator_id,
    invite_only: stream.invite_only,
    is_web_public: stream.is_web_public,
    is_archived: stream.deactivated,
    stream_post_policy: stream.stream_post_policy,
    is_announcement_only: stream.stream_post_policy === 2,
    message_retention_days: stream.message_retention_days,
    history_public_to_subscribers: stream.history_public_to_subscribers,
    first_message_id: stream.first_message_id === null ? null : Number(stream.first_message_id),
    stream_weekly_traffic: null,
  };
}

/** A subscription in Zulip's shape: the stream plus this user's settings for it. */
export function toApiSubscription(sub: SubscribedStream, subscribers?: number[]): ApiSubscription {
  return {
    ...toApiStream(sub),
    color: sub.color,
    is_muted: sub.is_muted,
    in_home_view: !sub.is_muted,
    pin_to_top: sub.pin_to_top,
    desktop_notifications: sub.desktop_notifications,
    audible_notifications: sub.audible_notifications,
    push_notifications: sub.push_notifications,
    email_notifications: sub.email_notifications,
    wildcard_mentions_notify: sub.wildcard_mentions_notify,
    ...(subscribers ? { subscribers } : {}),
  };
}

/**
 * The stored HTML form of a stream description. Plain escaped text in one paragraph until the
 * server's Markdown renderer exists; it must never let markup through.
 */
export function renderDescription(description: string): string {
  if (description === '') return '';
  return `<p>${escapeHtml(description)}</p>`;
}
