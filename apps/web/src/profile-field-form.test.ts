import { describe, expect, it } from 'vitest';
import { choicesData, choicesText, fieldTypeName, moved } from './profile-field-form';

describe('profile field form', () => {
  it('turns options, one a line, into Zulip field_data and back', () => {
    const data = choicesData(' Red \n\nGreen\nBlue\n');
    expect(data).toEqual({
      '0': { text: 'Red', order: '1' },
      '1': { text: 'Green', order: '2' },
      '2': { text: 'Blue', order: '3' },
    });
    expect(choicesText(JSON.stringify(data))).toBe('Red\nGreen\nBlue');
    expect(choicesText('')).toBe('');
  });

  it('moves a field up or down, and not past either end', () => {
    expect(moved([1, 2, 3], 2, -1)).toEqual([1, 3, 2]);
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 2, 1)).toEqual([1, 2, 3]);
  });

  it('names the field types', () => {
    expect(fieldTypeName(3)).toBe('List of options');
    expect(fieldTypeName(7)).toBe('External account');
  });
});
