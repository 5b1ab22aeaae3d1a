import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

const PURPOSE = 'email_change';

export interface EmailChangeLink {
  key: string;
  realm_id: number;
  user_id: number;
  /** The new address. */
  email: string;
  expires_at: Date;
  used_at: Date | null;
}

/** The SQL of email-change links (rows of `confirmations` that name the user they change). */
@Injectable()
export class EmailChangeRepository {
  constructor(private readonly db: Database) {}

  async create(link: Omit<EmailChangeLink, 'used_at'>): Promise<void> {
    await this.db.execute(
      `INSERT INTO confirmations (key, realm_id, user_id, email, invite_id, purpose, expires_at)
       VALUES ($1, $2, $3, $4, NULL, $5, $6)`,
      [link.key, link.realm_id, link.user_id, link.email, PURPOSE, link.expires_at],
    );
  }

  /** The link, locked until the transaction ends so two clicks cannot both use it. */
  find(realmId: number, key: string): Promise<EmailChangeLink | undefined> {
    return this.db.one<EmailChangeLink>(
      `SELECT key, realm_id, user_id, email, expires_at, used_at FROM confirmations
       WHERE key = $1 AND realm_id = $2 AND purpose = $3 AND user_id IS NOT NULL FOR UPDATE`,
      [key, realmId, PURPOSE],
    );
  }

  async markUsed(key: string): Promise<void> {
    await this.db.execute('UPDATE confirmations SET used_at = now() WHERE key = $1', [key]);
  }
}
