import { describe, expect, it } from 'vitest';
import { elementOwnsKey, isTextField, type FocusedElement } from './key-target';

function el(tagName: string, attributes: Record<string, string> = {}): FocusedElement {
  return { tagName, getAttribute: (name) => attributes[name] ?? null };
}

describe('elementOwnsKey', () => {
  it('leaves every key to text fields', () => {
    for (const key of ['r', 'Enter', 'j', 'ArrowDown', '?'])
      expect(elementOwnsKey(el('TEXTAREA'), key)).toBe(true);
    expect(isTextField({ ...el('DIV'), isContentEditable: true })).toBe(true);
  });

  it('lets Enter follow a focused link or press a focused button instead of replying', () => {
    expect(elementOwnsKey(el('A'), 'Enter')).toBe(true);
    expect(elementOwnsKey(el('BUTTON'), 'Enter')).toBe(true);
    expect(elementOwnsKey(el('LI', { role: 'option' }), 'Enter')).toBe(true);
    expect(elementOwnsKey(el('BUTTON'), ' ')).toBe(true);
  });

  it('keeps the arrows for menus, and the letter shortcuts everywhere outside text fields', () => {
    expect(elementOwnsKey(el('BUTTON', { role: 'menuitem' }), 'ArrowDown')).toBe(true);
    expect(elementOwnsKey(el('A'), 'ArrowDown')).toBe(false);
    expect(elementOwnsKey(el('A'), 'r')).toBe(false);
    expect(elementOwnsKey(el('DIV'), 'Enter')).toBe(false);
    expect(elementOwnsKey(null, 'Enter')).toBe(false);
  });
});
