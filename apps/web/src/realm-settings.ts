/** The organization settings form: what it edits and how its values map to `PATCH /realm`. */

export type Values = Record<string, string | boolean>;

/** The realm settings this page edits: initial-state key, `PATCH /realm` parameter, label. */
export const TOGGLES: Array<[string, string, string]> = [
  [
    'realm_restricted_to_domain',
    'restricted_to_domain',
    'Restrict sign-up to the organization’s email domains',
  ],
  ['realm_invite_required', 'invite_required', 'Invitations are required to join'],
  ['realm_invite_by_admins_only', 'invite_by_admin_only', 'Only administrators can invite'],
  ['realm_mandatory_topics', 'mandatory_topics', 'Require a topic on stream messages'],
  ['realm_allow_message_editing', 'allow_message_editing', 'Allow people to edit their messages'],
  ['realm_inline_image_preview', 'inline_image_preview', 'Show previews of linked images'],
  [
    'realm_inline_url_embed_preview',
    'inline_url_embed_preview',
    'Show previews of linked websites',
  ],
  [
    'realm_allow_bridged_upload_links',
    'allow_bridged_upload_links',
    'Let IRC and XMPP bridges share uploads as links that open without an account',
  ],
];

/** The form's values from the realm's settings (`realm_*` keys of the initial state). */
export function formValues(s: Record<string, unknown>): Values {
  const limit = s.realm_message_content_edit_limit_seconds;
  const values: Values = {
    name: String(s.realm_name ?? ''),
    description: String(s.realm_description ?? ''),
    edit_limit_minutes:
      typeof limit === 'number' && limit > 0 ? String(Math.round(limit / 60)) : '',
  };
  for (const [key, param] of TOGGLES) values[param] = Boolean(s[key]);
  // A user group id: Zulip's role:everyone (guests see everyone) or role:members.
  values.guest_user_access = String(s.realm_can_access_all_users_group ?? '');
  return values;
}

export function sameValues(a: Values, b: Values): boolean {
  return Object.keys(a).every((key) => a[key] === b[key]);
}

/** Only what changed, in `PATCH /realm`'s terms. */
export function changedParams(before: Values, after: Values): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (after.name !== before.name) params.name = String(after.name).trim();
  if (after.description !== before.description) params.description = after.description;
  for (const [, param] of TOGGLES) if (after[param] !== before[param]) params[param] = after[param];
  if (after.guest_user_access !== before.guest_user_access && after.guest_user_access !== '') {
    params.can_access_all_users_group = Number(after.guest_user_access);
  }
  if (after.edit_limit_minutes !== before.edit_limit_minutes) {
    const minutes = Number(after.edit_limit_minutes);
    params.message_content_edit_limit_seconds =
      after.edit_limit_minutes === '' || minutes <= 0 ? 'unlimited' : Math.round(minutes * 60);
  }
  return params;
}
