import type { CustomProfileField, ProfileFieldValue } from '@hub/api/profile-field.types';
import type { ProfileFieldRow, ProfileFieldValueRow } from './profile-fields.repository';

export function toApiProfileField(row: ProfileFieldRow): CustomProfileField {
  return {
    id: row.id,
    type: row.field_type,
    order: row.order,
    name: row.name,
    hint: row.hint,
    field_data: row.field_data,
    display_in_profile_summary: row.display_in_profile_summary,
    required: row.required,
    editable_by_user: row.editable_by_user,
  };
}

export function toApiValue(row: Pick<ProfileFieldValueRow, 'value' | 'rendered_value'>) {
  const out: ProfileFieldValue = { value: row.value };
  if (row.rendered_value !== null) out.rendered_value = row.rendered_value;
  return out;
}

/** Users' `profile_data`: by user id, then by field id (as a string key, as Zulip sends it). */
export function groupProfileData(
  rows: ProfileFieldValueRow[],
): Map<number, Record<string, ProfileFieldValue>> {
  const byUser = new Map<number, Record<string, ProfileFieldValue>>();
  for (const row of rows) {
    const data = byUser.get(row.user_id) ?? {};
    data[String(row.field_id)] = toApiValue(row);
    byUser.set(row.user_id, data);
  }
  return byUser;
}
