import { useEffect, useState } from 'react';
import { api } from '../../api';
import { emojiGlyph } from '../../emoji';
import type { UserStatus } from '../../settings-lists';
import { store, useSlices } from '../../store';
import { SettingsForm, TextField, useAction } from './common';

/** A status as one line: its emoji (the glyph, or `:name:` for a custom one), then its text. */
export function statusLine(status: UserStatus): string {
  const emoji = !status.emoji_name
    ? ''
    : status.reaction_type === 'unicode_emoji' && status.emoji_code
      ? emojiGlyph(status.emoji_code)
      : `:${status.emoji_name}:`;
  return [emoji, status.status_text ?? ''].filter(Boolean).join(' ') || 'No status';
}

/** The person's status: a short text and an emoji (the server finds the emoji by its name). */
export function Status() {
  useSlices('lists');
  const mine = store.lists.userStatus[String(store.self.user_id)] ?? {};
  const [text, setText] = useState(mine.status_text ?? '');
  const [emoji, setEmoji] = useState(mine.emoji_name ?? '');
  // Set from another device: the fields follow.
  useEffect(() => {
    setText(mine.status_text ?? '');
    setEmoji(mine.emoji_name ?? '');
  }, [mine.status_text, mine.emoji_name]);
  const save = useAction();
  const clear = useAction();
  return (
    <>
      <p>
        Your status now: <strong>{statusLine(mine)}</strong>
      </p>
      <SettingsForm
        submit="Save status"
        action={save}
        onSubmit={async () => {
          await api('POST', '/users/me/status', {
            status_text: text.trim(),
            emoji_name: emoji.trim().replace(/^:|:$/g, ''),
          });
          return 'Your status is saved.';
        }}
      >
        <TextField label="Status text" value={text} onChange={setText} maxLength={60} />
        <TextField
          label="Status emoji name"
          value={emoji}
          onChange={setEmoji}
          placeholder="calendar"
          maxLength={60}
        />
      </SettingsForm>
      <SettingsForm
        submit="Clear status"
        action={clear}
        onSubmit={async () => {
          await api('POST', '/users/me/status', { status_text: '', emoji_name: '' });
          return 'Your status is cleared.';
        }}
      >
        {null}
      </SettingsForm>
    </>
  );
}
