export interface Invite {
  id: number;
  realm_id: number;
  email: string;
  invited_by_id: number | null;
  invite_as: number;
  stream_ids: number[];
  created_at: Date;
  accepted_at: Date | null;
}

/** An invite with the expiry of its confirmation link. */
export interface PendingInvite extends Invite {
  expires_at: Date;
}

export type ConfirmationPurpose = 'signup' | 'invite' | 'password_reset';

export interface Confirmation {
  key: string;
  realm_id: number;
  email: string;
  invite_id: number | null;
  /** The reusable invitation link the confirmation was asked through. */
  multiuse_invite_id: number | null;
  purpose: ConfirmationPurpose;
  created_at: Date;
  expires_at: Date;
  used_at: Date | null;
}

/** A reusable invitation link (`POST /invites/multiuse`). */
export interface MultiuseInvite {
  id: number;
  realm_id: number;
  key: string;
  referred_by_id: number | null;
  invite_as: number;
  stream_ids: number[];
  include_realm_default_subscriptions: boolean;
  created_at: Date;
  /** null: the link never expires. */
  expires_at: Date | null;
  revoked_at: Date | null;
}
