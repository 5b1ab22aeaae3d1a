import { describe, expect, it } from 'vitest';
import { changedParams, formValues, sameValues } from './realm-settings';

const state = {
  realm_name: 'Wonderland',
  realm_description: 'Tea',
  realm_invite_required: false,
  realm_invite_by_admins_only: true,
  realm_mandatory_topics: false,
  realm_allow_message_editing: true,
  realm_message_content_edit_limit_seconds: 600,
  realm_inline_image_preview: true,
  realm_can_access_all_users_group: 7,
};

describe('formValues', () => {
  it('reads the initial state, with the edit limit in minutes', () => {
    expect(formValues(state)).toMatchObject({
      name: 'Wonderland',
      invite_by_admin_only: true,
      mandatory_topics: false,
      edit_limit_minutes: '10',
    });
    expect(formValues({ ...state, realm_message_content_edit_limit_seconds: null })).toMatchObject({
      edit_limit_minutes: '',
    });
  });
});

describe('changedParams', () => {
  it('sends only what changed, in PATCH /realm terms', () => {
    const before = formValues(state);
    expect(changedParams(before, before)).toEqual({});
    expect(
      changedParams(before, {
        ...before,
        name: '  Wonderland Hub ',
        mandatory_topics: true,
        edit_limit_minutes: '15',
      }),
    ).toEqual({
      name: 'Wonderland Hub',
      mandatory_topics: true,
      message_content_edit_limit_seconds: 900,
    });
  });

  it("names who guests may see by the role group's id", () => {
    const before = formValues(state);
    expect(before.guest_user_access).toBe('7');
    expect(changedParams(before, { ...before, guest_user_access: '9' })).toEqual({
      can_access_all_users_group: 9,
    });
  });

  it('turns an empty or zero limit into "unlimited"', () => {
    const before = formValues(state);
    expect(changedParams(before, { ...before, edit_limit_minutes: '' })).toEqual({
      message_content_edit_limit_seconds: 'unlimited',
    });
    expect(changedParams(before, { ...before, edit_limit_minutes: '0' })).toEqual({
      message_content_edit_limit_seconds: 'unlimited',
    });
  });
});

describe('sameValues', () => {
  it('tells an untouched form from an edited one', () => {
    const values = formValues(state);
    expect(sameValues(values, formValues(state))).toBe(true);
    expect(sameValues({ ...values, name: 'Other' }, values)).toBe(false);
  });
});
