import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import {
  Confirmation,
  ConfirmationPurpose,
  Invite,
  MultiuseInvite,
  PendingInvite,
} from './invite.types';

const PENDING = `SELECT i.*, c.expires_at FROM invites i
  JOIN confirmations c ON c.invite_id = i.id AND c.used_at IS NULL
  WHERE i.accepted_at IS NULL AND c.expires_at > now()`;

@Injectable()
export class InvitesRepository {
  constructor(private readonly db: Database) {}

  async createInvite(fields: {
    realmId: number;
    email: string;
    invitedById: number;
    inviteAs: number;
    streamIds: number[];
  }): Promise<Invite> {
    const rows = await this.db.rows<Invite>(
      `INSERT INTO invites (realm_id, email, invited_by_id, invite_as, stream_ids)
       VALUES ($1, $2, $3, $4, $5::int[]) RETURNING *`,
      [fields.realmId, fields.email, fields.invitedById, fields.inviteAs, fields.streamIds],
    );
    return rows[0];
  }

  /** Pending (unaccepted, unexpired) invites, all of the realm's or those one user sent. */
  listPending(realmId: number, invitedById: number | null): Promise<PendingInvite[]> {
    return this.db.rows<PendingInvite>(
      `${PENDING} AND i.realm_id = $1 AND ($2::int IS NULL OR i.invited_by_id = $2) ORDER BY i.id`,
      [realmId, invitedById],
    );
  }

  /** The newest pending invite for an address. */
  pendingFor(realmId: number, email: string): Promise<PendingInvite | undefined> {
    return this.db.one<PendingInvite>(
      `${PENDING} AND i.realm_id = $1 AND lower(i.email) = lower($2) ORDER BY i.id DESC LIMIT 1`,
      [realmId, email],
    );
  }

  findInvite(realmId: number, id: number): Promise<Invite | undefined> {
    return this.db.one<Invite>('SELECT * FROM invites WHERE realm_id = $1 AND id = $2', [
      realmId,
      id,
    ]);
  }

  /** The link of a pending invite, for sending it again. */
  async pendingConfirmationKey(inviteId: number): Promise<string | undefined> {
    const row = await this.db.one<{ key: string }>(
      `SELECT key FROM confirmations
       WHERE invite_id = $1 AND used_at IS NULL AND expires_at > now()
       ORDER BY expires_at DESC LIMIT 1`,
      [inviteId],
    );
    return row?.key;
  }

  /** Deletes the invite; its confirmation links go with it (ON DELETE CASCADE). */
  async deleteInvite(id: number): Promise<void> {
    await this.db.execute('DELETE FROM invites WHERE id = $1', [id]);
  }

  /** Every open invite for the address is settled once the account exists. */
  async markAccepted(realmId: number, email: string): Promise<void> {
    await this.db.execute(
      `UPDATE invites SET accepted_at = now()
       WHERE realm_id = $1 AND lower(email) = lower($2) AND accepted_at IS NULL`,
      [realmId, email],
    );
  }

  async createConfirmation(fields: {
    key: string;
    realmId: number;
    email: string;
    inviteId: number | null;
    multiuseInviteId?: number | null;
    purpose: ConfirmationPurpose;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.execute(
      `INSERT INTO confirmations
         (key, realm_id, email, invite_id, multiuse_invite_id, purpose, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        fields.key,
        fields.realmId,
        fields.email,
        fields.inviteId,
        fields.multiuseInviteId ?? null,
        fields.purpose,
        fields.expiresAt,
      ],
    );
  }

  findConfirmation(key: string): Promise<Confirmation | undefined> {
    return this.db.one<Confirmation>('SELECT * FROM confirmations WHERE key = $1', [key]);
  }

  /** Marks the key used; false when another request used it first. */
  async useConfirmation(key: string): Promise<boolean> {
    return (
      (await this.db.execute(
        'UPDATE confirmations SET used_at = now() WHERE key = $1 AND used_at IS NULL',
        [key],
      )) > 0
    );
  }

  /** The ids among `ids` naming live streams of the realm that `userId` may see. */
  async visibleStreamIds(realmId: number, userId: number, ids: number[]): Promise<number[]> {
    const rows = await this.db.rows<{ id: number }>(
      `SELECT s.id FROM streams s
       WHERE s.realm_id = $1 AND s.id = ANY($3::int[]) AND NOT s.deactivated
         AND (NOT s.invite_only OR EXISTS (
           SELECT 1 FROM subscriptions u WHERE u.stream_id = s.id AND u.user_id = $2 AND u.active))`,
      [realmId, userId, ids],
    );
    return rows.map((r) => r.id);
  }

  /** Subscribes a new account to the streams its invite named (those still live). */
  async subscribe(userId: number, streamIds: number[]): Promise<void> {
    if (streamIds.length === 0) return;
    await this.db.execute(
      `INSERT INTO subscriptions (user_id, stream_id)
       SELECT $1, s.id FROM streams s WHERE s.id = ANY($2::int[]) AND NOT s.deactivated
       ON CONFLICT (user_id, stream_id) DO UPDATE SET active = true`,
      [userId, streamIds],
    );
  }

  async createMultiuse(fields: {
    realmId: number;
    key: string;
    referredById: number;
    inviteAs: number;
    streamIds: number[];
    includeDefaults: boolean;
    expiresAt: Date | null;
  }): Promise<MultiuseInvite> {
    const rows = await this.db.rows<MultiuseInvite>(
      `INSERT INTO multiuse_invites
         (realm_id, key, referred_by_id, invite_as, stream_ids,
          include_realm_default_subscriptions, expires_at)
       VALUES ($1, $2, $3, $4, $5::int[], $6, $7) RETURNING *`,
      [
        fields.realmId,
        fields.key,
        fields.referredById,
        fields.inviteAs,
        fields.streamIds,
        fields.includeDefaults,
        fields.expiresAt,
      ],
    );
    return rows[0];
  }

  /** Live (unrevoked, unexpired) links, all of the realm's or those one user made. */
  listLiveMultiuse(realmId: number, referredById: number | null): Promise<MultiuseInvite[]> {
    return this.db.rows<MultiuseInvite>(
      `SELECT * FROM multiuse_invites
       WHERE realm_id = $1 AND ($2::int IS NULL OR referred_by_id = $2)
         AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())
       ORDER BY id`,
      [realmId, referredById],
    );
  }

  findMultiuse(realmId: number, id: number): Promise<MultiuseInvite | undefined> {
    return this.db.one<MultiuseInvite>(
      'SELECT * FROM multiuse_invites WHERE realm_id = $1 AND id = $2',
      [realmId, id],
    );
  }

  findMultiuseByKey(realmId: number, key: string): Promise<MultiuseInvite | undefined> {
    return this.db.one<MultiuseInvite>(
      'SELECT * FROM multiuse_invites WHERE realm_id = $1 AND key = $2',
      [realmId, key],
    );
  }

  /** Revokes the link; false when it was already revoked. */
  async revokeMultiuse(id: number): Promise<boolean> {
    return (
      (await this.db.execute(
        'UPDATE multiuse_invites SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
        [id],
      )) > 0
    );
  }
}
