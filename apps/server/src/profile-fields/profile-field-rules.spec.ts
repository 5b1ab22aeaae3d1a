import { checkFieldData, checkValue, fieldName, FieldType } from './profile-field-rules';

const field = (field_type: number, field_data = '') => ({
  name: 'Favorite',
  field_type,
  field_data,
});

describe('custom profile field rules', () => {
  it('checks field data by type', () => {
    expect(checkFieldData(FieldType.ShortText, undefined)).toBe('');
    const choices = { vim: { text: 'Vim', order: '1' }, emacs: { text: 'Emacs', order: '2' } };
    expect(JSON.parse(checkFieldData(FieldType.Select, choices))).toEqual(choices);
    expect(() => checkFieldData(FieldType.Select, {})).toThrow('at least one choice');
    expect(() => checkFieldData(FieldType.Select, { a: { text: 'A' } })).toThrow('valid choice');
    expect(checkFieldData(FieldType.ExternalAccount, { subtype: 'github' })).toBe(
      '{"subtype":"github"}',
    );
    expect(() => checkFieldData(FieldType.ExternalAccount, { subtype: 'myspace' })).toThrow(
      'Invalid external account type',
    );
    expect(() =>
      checkFieldData(FieldType.ExternalAccount, { subtype: 'custom', url_pattern: 'nope' }),
    ).toThrow('Malformed URL pattern.');
  });

  it('names external accounts after their service', () => {
    expect(fieldName(FieldType.ExternalAccount, '', '{"subtype":"github"}')).toBe('GitHub');
    expect(() => fieldName(FieldType.ShortText, '  ', '')).toThrow('Label cannot be blank.');
    expect(() => fieldName(FieldType.ShortText, 'x'.repeat(41), '')).toThrow('too long');
  });

  it('checks values by type; empty clears', () => {
    expect(checkValue(field(FieldType.ShortText), ' hi ')).toEqual({ stored: 'hi', userIds: [] });
    expect(checkValue(field(FieldType.ShortText), '')).toBeNull();
    expect(() => checkValue(field(FieldType.ShortText), 'x'.repeat(51))).toThrow('too long');
    expect(() => checkValue(field(FieldType.ShortText), 5)).toThrow('Favorite is not a string');
    expect(checkValue(field(FieldType.Date), '2024-02-29')?.stored).toBe('2024-02-29');
    expect(() => checkValue(field(FieldType.Date), '2023-02-29')).toThrow('is not a date');
    expect(() => checkValue(field(FieldType.Url), 'javascript:alert(1)')).toThrow('not a URL');
    expect(checkValue(field(FieldType.Url), 'https://example.com/x')).not.toBeNull();
    const select = field(FieldType.Select, '{"vim":{"text":"Vim","order":"1"}}');
    expect(checkValue(select, 'vim')?.stored).toBe('vim');
    expect(() => checkValue(select, 'nano')).toThrow(
      "'nano' is not a valid choice for 'Favorite'.",
    );
    expect(checkValue(field(FieldType.User), [3, 3, 4])).toEqual({
      stored: '[3,4]',
      userIds: [3, 4],
    });
    expect(checkValue(field(FieldType.User), [])).toBeNull();
    expect(() => checkValue(field(FieldType.User), 'bob')).toThrow('is not a list');
  });
});
