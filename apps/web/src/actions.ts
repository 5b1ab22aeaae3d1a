import { api } from './api';
import { compose, openCompose } from './compose';
import type { Message } from './model';
import { narrowToHash } from './narrow';
import { store } from './store';
import { showToast } from './ui';

function report(err: unknown): void {
  showToast((err as Error).message || 'Something went wrong', true);
}

export function toggleStar(m: Message): void {
  const starred = m.flags.includes('starred');
  api('POST', '/messages/flags', {
    messages: [m.id],
    op: starred ? 'remove' : 'add',
    flag: 'starred',
  }).catch(report);
}

export function hasReacted(m: Message, code: string, type = 'unicode_emoji'): boolean {
  return m.reactions.some(
    (r) => r.user_id === store.self.user_id && r.emoji_code === code && r.reaction_type === type,
  );
}

export function toggleReaction(
  m: Message,
  emoji: { name: string; code: string; type?: string },
): void {
  const type = emoji.type ?? 'unicode_emoji';
  const params = { emoji_name: emoji.name, emoji_code: emoji.code, reaction_type: type };
  const method = hasReacted(m, emoji.code, type) ? 'DELETE' : 'POST';
  api(method, `/messages/${m.id}/reactions`, params).catch(report);
}

export async function deleteMessage(id: number): Promise<void> {
  await api('DELETE', `/messages/${id}`);
}

/** The permanent link to a message, as Zulip writes it (`…/near/<id>` in its conversation). */
export function messageLink(m: Message): string {
  const narrow =
    m.type === 'stream'
      ? [
          { operator: 'stream', operand: String(m.stream_id) },
          { operator: 'topic', operand: m.subject },
          { operator: 'near', operand: String(m.id) },
        ]
      : [
          {
            operator: 'dm',
            operand:
              m.dmUserIds.filter((id) => id !== store.self.user_id).join(',') ||
              String(store.self.user_id),
          },
          { operator: 'near', operand: String(m.id) },
        ];
  return `${location.origin}/${narrowToHash(narrow, store)}`;
}

/**
 * Copies text to the clipboard. The Clipboard API exists only on secure pages (HTTPS or
 * loopback); a server reached over plain HTTP gets the older selection-and-copy way.
 */
async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission): try the other way.
    }
  }
  const scratch = document.createElement('textarea');
  scratch.value = text;
  scratch.setAttribute('readonly', '');
  scratch.style.position = 'fixed';
  scratch.style.opacity = '0';
  document.body.append(scratch);
  scratch.select();
  const copied = document.execCommand('copy');
  scratch.remove();
  return copied;
}

export function copyLink(m: Message): void {
  const link = messageLink(m);
  // When nothing can be copied, the link is shown to copy by hand.
  void copyText(link).then((copied) => showToast(copied ? 'Link copied' : link));
}

/**
 * This message and the later ones in view become unread again (as in Zulip), and stay so while
 * they are on screen: the view stops marking messages read until the reader opens another.
 */
export function markUnreadFrom(m: Message): void {
  const ids = store.view.ids.filter((id) => id >= m.id);
  store.pauseReadingInView();
  api('POST', '/messages/flags', { messages: ids, op: 'remove', flag: 'read' }).catch(report);
}

/** Opens the compose box on the message's conversation. */
export function reply(m: Message): void {
  if (m.type === 'stream') {
    openCompose(
      {
        mode: 'stream',
        stream: store.streamName(m.stream_id ?? 0) ?? String(m.display_recipient),
        topic: m.subject,
      },
      'message',
    );
  } else {
    openCompose(
      { mode: 'dm', to: m.dmUserIds.filter((id) => id !== store.self.user_id) },
      'message',
    );
  }
}

/** `R`: a direct message to the author. */
export function replyToAuthor(m: Message): void {
  openCompose({ mode: 'dm', to: [m.sender_id] }, 'message');
}

export async function quoteAndReply(m: Message): Promise<void> {
  reply(m);
  try {
    const reply = await api<{ raw_content: string }>('GET', `/messages/${m.id}`, {
      apply_markdown: false,
    });
    const quoted = `@_**${m.sender_full_name}|${m.sender_id}** [said](${messageLink(m)}):\n\`\`\`quote\n${reply.raw_content}\n\`\`\`\n`;
    compose.set((c) => ({ ...c, content: c.content ? `${c.content}\n${quoted}` : quoted }));
  } catch (err) {
    report(err);
  }
}

export async function saveEdit(
  m: Message,
  changes: { content?: string; topic?: string; propagate?: string },
): Promise<void> {
  const params: Record<string, unknown> = {};
  if (changes.content !== undefined) params.content = changes.content;
  if (changes.topic !== undefined && changes.topic !== m.subject) {
    params.topic = changes.topic;
    params.propagate_mode = changes.propagate ?? 'change_one';
  }
  if (Object.keys(params).length === 0) return;
  await api('PATCH', `/messages/${m.id}`, params);
}
