import { Injectable } from '@nestjs/common';
import type { BridgeHealthReport } from '@hub/api/bridge.types';
import { ZulipError } from '../common/zulip-error';
import { requireAdmin } from '../identity/permissions';
import type { User } from '../identity/user.types';
import { isStale } from './bridge-health-rules';
import type { ReportBridgeHealthDto } from './dto/bridge-health.dto';
import { BridgesRepository } from './bridges.repository';

const toSeconds = (date: Date | null): number | null =>
  date === null ? null : Math.floor(date.getTime() / 1000);
const fromSeconds = (seconds: number | null | undefined): Date | null =>
  seconds === null || seconds === undefined ? null : new Date(seconds * 1000);

/**
 * Mirror bridges report their health through their own bot; organization administrators see the
 * newest report of each (the web client's integration hub), marked stale when reports stopped.
 */
@Injectable()
export class BridgesService {
  constructor(private readonly repo: BridgesRepository) {}

  async report(bot: User, p: ReportBridgeHealthDto): Promise<void> {
    if (!bot.is_bot) {
      throw ZulipError.forbidden('Only bots can report bridge health', 'BAD_REQUEST');
    }
    await this.repo.upsert({
      bot_id: bot.id,
      realm_id: bot.realm_id,
      protocol: p.protocol,
      remote_state: p.remote_state,
      chat_connected: p.chat_connected,
      queue_to_chat: p.queue_to_chat,
      queue_to_remote: p.queue_to_remote,
      last_message_to_chat: fromSeconds(p.last_message_to_chat),
      last_message_to_remote: fromSeconds(p.last_message_to_remote),
      mappings: p.mappings.map((m) => ({
        remote: m.remote,
        stream: m.stream,
        ...(m.topic === undefined ? {} : { topic: m.topic }),
        joined: m.joined,
      })),
      report_interval: p.report_interval,
    });
  }

  async list(actor: User, now = new Date()): Promise<BridgeHealthReport[]> {
    requireAdmin(actor);
    const rows = await this.repo.list(actor.realm_id);
    return rows.map((row) => ({
      ...row,
      last_message_to_chat: toSeconds(row.last_message_to_chat),
      last_message_to_remote: toSeconds(row.last_message_to_remote),
      reported_at: Math.floor(row.reported_at.getTime() / 1000),
      stale: isStale(row.reported_at, row.report_interval, now),
    }));
  }
}
