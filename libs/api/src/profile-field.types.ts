/** A realm's custom profile field, as `GET /realm/profile_fields` and events carry it. */
export interface CustomProfileField {
  id: number;
  /** Zulip's field type: 1 short text, 2 long text, 3 choice, 4 date, 5 link, 6 user, 7 external account, 8 pronouns. */
  type: number;
  order: number;
  name: string;
  hint: string;
  /** JSON text: the choices of a choice field, the subtype of an external account; else ''. */
  field_data: string;
  display_in_profile_summary: boolean;
  required: boolean;
  editable_by_user: boolean;
}

/** One user's value for one field (`profile_data[field_id]`). */
export interface ProfileFieldValue {
  value: string;
  /** The value rendered as Markdown, for text fields. */
  rendered_value?: string;
}
