import type { Realm } from '../identity/realm.types';
import type { User } from '../identity/user.types';
import type { SendMessageDto } from './dto/send-message.dto';
import { MessageSendService } from './message-send.service';
import { clientName } from './normalize';

/**
 * `POST /messages` once its parameters are parsed. Shared by the controller (the browser's
 * `/json/messages`) and the API route ahead of Nest (send-route.ts).
 */
export async function sendMessage(
  sender: MessageSendService,
  user: User,
  realm: Realm,
  p: SendMessageDto,
  request: { clientParam: string | undefined; userAgent: string | undefined },
): Promise<{ id: number }> {
  const sent = await sender.send(user, realm, {
    type: p.type,
    to: p.to,
    topic: p.topic,
    content: p.content,
    client: clientName(request.clientParam, request.userAgent),
    queueId: p.queue_id,
    localId: p.local_id,
    sender: p.sender,
    forged: p.forged,
    time: p.time,
    realmStr: p.realm_str,
    readBySender: p.read_by_sender,
  });
  return { id: sent.message.id };
}
