import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';

export interface ProfileFieldRow {
  id: number;
  realm_id: number;
  name: string;
  hint: string;
  field_type: number;
  field_data: string;
  order: number;
  display_in_profile_summary: boolean;
  required: boolean;
  editable_by_user: boolean;
}

export interface ProfileFieldValueRow {
  user_id: number;
  field_id: number;
  value: string;
  rendered_value: string | null;
}

export type ProfileFieldChanges = Partial<
  Pick<
    ProfileFieldRow,
    'name' | 'hint' | 'field_data' | 'display_in_profile_summary' | 'required' | 'editable_by_user'
  >
>;

const COLUMNS = `id, realm_id, name, hint, field_type, field_data, "order",
  display_in_profile_summary, required, editable_by_user`;

/** The SQL of a realm's custom profile fields and its users' values for them. */
@Injectable()
export class ProfileFieldsRepository {
  constructor(private readonly db: Database) {}

  list(realmId: number): Promise<ProfileFieldRow[]> {
    return this.db.rows<ProfileFieldRow>(
      `SELECT ${COLUMNS} FROM custom_profile_fields WHERE realm_id = $1 ORDER BY "order", id`,
      [realmId],
    );
  }

  find(realmId: number, id: number): Promise<ProfileFieldRow | undefined> {
    return this.db.one<ProfileFieldRow>(
      `SELECT ${COLUMNS} FROM custom_profile_fields WHERE realm_id = $1 AND id = $2`,
      [realmId, id],
    );
  }

  async nameTaken(realmId: number, name: string, exceptId = 0): Promise<boolean> {
    const row = await this.db.one<{ id: number }>(
      `SELECT id FROM custom_profile_fields
       WHERE realm_id = $1 AND lower(name) = lower($2) AND id <> $3`,
      [realmId, name, exceptId],
    );
    return row !== undefined;
  }

  /** Adds the field after the realm's others. */
  create(
    realmId: number,
    field: Required<ProfileFieldChanges> & { field_type: number },
  ): Promise<ProfileFieldRow> {
    return this.db.one<ProfileFieldRow>(
      `INSERT INTO custom_profile_fields (realm_id, name, hint, field_type, field_data, "order",
         display_in_profile_summary, required, editable_by_user)
       VALUES ($1, $2, $3, $4, $5,
         (SELECT coalesce(max("order"), 0) + 1 FROM custom_profile_fields WHERE realm_id = $1),
         $6, $7, $8)
       RETURNING ${COLUMNS}`,
      [
        realmId,
        field.name,
        field.hint,
        field.field_type,
        field.field_data,
        field.display_in_profile_summary,
        field.required,
        field.editable_by_user,
      ],
    ) as Promise<ProfileFieldRow>;
  }

  async update(id: number, changes: ProfileFieldChanges): Promise<void> {
    const entries = Object.entries(changes).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    const sets = entries.map(([k], i) => `${k} = $${i + 2}`).join(', ');
    await this.db.execute(`UPDATE custom_profile_fields SET ${sets} WHERE id = $1`, [
      id,
      ...entries.map(([, v]) => v),
    ]);
  }

  async delete(realmId: number, id: number): Promise<boolean> {
    const n = await this.db.execute(
      'DELETE FROM custom_profile_fields WHERE realm_id = $1 AND id = $2',
      [realmId, id],
    );
    return n > 0;
  }

  /** Numbers the fields 1, 2, … in the order of `ids`. */
  async reorder(realmId: number, ids: number[]): Promise<void> {
    await this.db.execute(
      `UPDATE custom_profile_fields f SET "order" = o.n
       FROM unnest($2::int[]) WITH ORDINALITY AS o(id, n)
       WHERE f.realm_id = $1 AND f.id = o.id`,
      [realmId, ids],
    );
  }

  /** Every value held by the realm's users, in one query. */
  realmValues(realmId: number): Promise<ProfileFieldValueRow[]> {
    return this.db.rows<ProfileFieldValueRow>(
      `SELECT v.user_id, v.field_id, v.value, v.rendered_value
       FROM custom_profile_field_values v JOIN users u ON u.id = v.user_id
       WHERE u.realm_id = $1`,
      [realmId],
    );
  }

  userValues(userIds: number[]): Promise<ProfileFieldValueRow[]> {
    return this.db.rows<ProfileFieldValueRow>(
      `SELECT user_id, field_id, value, rendered_value FROM custom_profile_field_values
       WHERE user_id = ANY($1::int[])`,
      [userIds],
    );
  }

  /** Stores a value; false when it was already exactly this. */
  async setValue(
    userId: number,
    fieldId: number,
    value: string,
    renderedValue: string | null,
  ): Promise<boolean> {
    const n = await this.db.execute(
      `INSERT INTO custom_profile_field_values (user_id, field_id, value, rendered_value)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, field_id) DO UPDATE
         SET value = EXCLUDED.value, rendered_value = EXCLUDED.rendered_value
         WHERE custom_profile_field_values.value IS DISTINCT FROM EXCLUDED.value`,
      [userId, fieldId, value, renderedValue],
    );
    return n > 0;
  }

  /** Removes a value; false when there was none. */
  async clearValue(userId: number, fieldId: number): Promise<boolean> {
    const n = await this.db.execute(
      'DELETE FROM custom_profile_field_values WHERE user_id = $1 AND field_id = $2',
      [userId, fieldId],
    );
    return n > 0;
  }
}
