import { ZulipError } from '../common/zulip-error';
import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import type { GetMessagesDto } from './dto/get-messages.dto';
import { Anchor, FetchResult, MessageFetchService } from './message-fetch.service';
import { parseNarrow } from './narrow';
import type { Message as ApiMessage } from '@hub/api/message.types';

export function parseAnchor(raw: unknown, useFirstUnread: boolean | undefined): Anchor {
  if (raw === undefined || raw === null) {
    if (useFirstUnread) return 'first_unread';
    throw ZulipError.missing('anchor');
  }
  if (raw === 'newest' || raw === 'oldest' || raw === 'first_unread') return raw;
  const n = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 0) return n;
  throw ZulipError.badRequest('Invalid anchor');
}

/**
 * `GET /messages` once its parameters are parsed: by ids, or a page around an anchor. Shared by
 * the controller (Express and Nest) and the fast path in front of them (messages-fast-path.ts).
 */
export async function listMessages(
  fetcher: MessageFetchService,
  user: User,
  realm: Realm,
  p: GetMessagesDto,
): Promise<FetchResult | { messages: ApiMessage[]; history_limited: boolean }> {
  const applyMarkdown = p.apply_markdown ?? true;
  const clientGravatar = p.client_gravatar ?? true;
  if (p.message_ids !== undefined) {
    if (p.anchor !== undefined || p.num_before !== undefined || p.num_after !== undefined) {
      throw ZulipError.badRequest('Unsupported parameter combination: anchor, message_ids');
    }
    const messages = await fetcher.fetchByIds(
      user,
      realm,
      p.message_ids,
      applyMarkdown,
      clientGravatar,
    );
    return { messages, history_limited: false };
  }
  if (p.num_before === undefined) throw ZulipError.missing('num_before');
  if (p.num_after === undefined) throw ZulipError.missing('num_after');
  return fetcher.fetch(user, realm, {
    anchor: parseAnchor(p.anchor, p.use_first_unread_anchor),
    includeAnchor: p.include_anchor ?? true,
    numBefore: p.num_before,
    numAfter: p.num_after,
    narrow: parseNarrow(p.narrow),
    applyMarkdown,
    clientGravatar,
  });
}
