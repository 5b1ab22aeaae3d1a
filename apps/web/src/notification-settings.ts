/**
 * The notifications page: Zulip's notification settings (`PATCH /settings`), grouped as its web
 * app groups them, with the words a person reads beside each.
 */

export type Choice = [value: string | number, label: string];

export interface NotificationControl {
  name: string;
  label: string;
  /** A select of these values; without it the setting is an on/off checkbox. */
  choices?: Choice[];
}

/** The stream and followed-topic matrix: one row per kind of conversation, one column per way. */
export const MATRIX_COLUMNS = ['Desktop', 'Audible', 'Mobile', 'Email', '@all mentions'] as const;
export const MATRIX_ROWS: Array<{ label: string; settings: string[] }> = [
  {
    label: 'Streams',
    settings: [
      'enable_stream_desktop_notifications',
      'enable_stream_audible_notifications',
      'enable_stream_push_notifications',
      'enable_stream_email_notifications',
      'wildcard_mentions_notify',
    ],
  },
  {
    label: 'Followed topics',
    settings: [
      'enable_followed_topic_desktop_notifications',
      'enable_followed_topic_audible_notifications',
      'enable_followed_topic_push_notifications',
      'enable_followed_topic_email_notifications',
      'enable_followed_topic_wildcard_mentions_notify',
    ],
  },
];

const FOLLOW_POLICY: Choice[] = [
  [1, 'Topics I participate in'],
  [2, 'Topics I send a message to'],
  [3, 'Topics I start'],
  [4, 'Never'],
];

export const GROUPS: Array<{ title: string; controls: NotificationControl[] }> = [
  {
    title: 'Direct messages and mentions',
    controls: [
      { name: 'enable_desktop_notifications', label: 'Desktop notifications' },
      { name: 'enable_sounds', label: 'Play a sound' },
      { name: 'enable_offline_push_notifications', label: 'Mobile notifications when away' },
      { name: 'enable_online_push_notifications', label: 'Mobile notifications while online too' },
      {
        name: 'pm_content_in_desktop_notifications',
        label: 'Show the message text in desktop notifications',
      },
      { name: 'enable_offline_email_notifications', label: 'Email notifications when away' },
    ],
  },
  {
    title: 'Desktop',
    controls: [
      {
        name: 'notification_sound',
        label: 'Notification sound',
        choices: [
          ['zulip', 'Zulip'],
          ['ding', 'Ding'],
          ['none', 'None'],
        ],
      },
      {
        name: 'desktop_icon_count_display',
        label: 'Unread count on the tab and app icon',
        choices: [
          [1, 'All unread messages'],
          [2, 'Direct messages, mentions and followed topics'],
          [3, 'Direct messages and mentions'],
          [4, 'None'],
        ],
      },
    ],
  },
  {
    title: 'Topics',
    controls: [
      {
        name: 'automatically_follow_topics_policy',
        label: 'Automatically follow topics',
        choices: FOLLOW_POLICY,
      },
      {
        name: 'automatically_unmute_topics_in_muted_streams_policy',
        label: 'Automatically unmute topics in muted streams',
        choices: FOLLOW_POLICY,
      },
      {
        name: 'automatically_follow_topics_where_mentioned',
        label: 'Automatically follow topics where I am mentioned',
      },
    ],
  },
  {
    title: 'Email',
    controls: [
      {
        name: 'email_notifications_batching_period_seconds',
        label: 'Wait before sending an email notification',
        choices: [
          [120, '2 minutes'],
          [300, '5 minutes'],
          [600, '10 minutes'],
          [1800, '30 minutes'],
          [3600, '1 hour'],
          [21600, '6 hours'],
          [86400, '1 day'],
          [259200, '3 days'],
          [604800, '1 week'],
        ],
      },
      {
        name: 'realm_name_in_email_notifications_policy',
        label: 'Organization name in email subjects',
        choices: [
          [1, 'Automatic'],
          [2, 'Always'],
          [3, 'Never'],
        ],
      },
      {
        name: 'message_content_in_email_notifications',
        label: 'Include the message text in email notifications',
      },
      { name: 'enable_digest_emails', label: 'Digest emails when I have been away' },
      { name: 'enable_login_emails', label: 'An email when my account logs in' },
      { name: 'enable_marketing_emails', label: 'News about the product' },
    ],
  },
];

/** Every setting the page edits, once. */
export function allNotificationSettings(): string[] {
  return [
    ...MATRIX_ROWS.flatMap((row) => row.settings),
    ...GROUPS.flatMap((group) => group.controls.map((c) => c.name)),
  ];
}

/** A select's value as the server wants it back: numbers stay numbers. */
export function choiceValue(control: NotificationControl, raw: string): string | number {
  const choice = control.choices?.find(([value]) => String(value) === raw);
  if (!choice) throw new Error(`${raw} is not a choice of ${control.name}`);
  return choice[0];
}

/**
 * A select's current value as a string. A batching period the page does not list (set through
 * the API) is still shown, not replaced by the first choice.
 */
export function choicesWith(control: NotificationControl, current: unknown): Choice[] {
  const choices = control.choices ?? [];
  if (current === undefined || choices.some(([value]) => value === current)) return choices;
  return [...choices, [current as string | number, String(current)]];
}
