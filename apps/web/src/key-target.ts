/** Whether a key belongs to the focused element rather than to the page's keyboard shortcuts. */

export interface FocusedElement {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
}

const TEXT_FIELDS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATED = new Set(['A', 'BUTTON', 'SUMMARY']);
const ACTIVATED_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'option',
  'tab',
  'checkbox',
  'switch',
]);
/** Roles whose own arrow-key handling (moving between items) must not move the message pointer. */
const ARROW_ROLES = new Set(['menuitem', 'menuitemcheckbox', 'option', 'tab', 'slider']);

export function isTextField(el: FocusedElement | null): boolean {
  return !!el && (el.isContentEditable === true || TEXT_FIELDS.has(el.tagName));
}

/**
 * True when `key` does something of its own on `el`: every key in a text field; Enter and Space
 * on a link, a button or anything acting as one (Enter must follow a focused link, not reply to
 * the selected message); arrows inside menus and lists.
 */
export function elementOwnsKey(el: FocusedElement | null, key: string): boolean {
  if (!el) return false;
  if (isTextField(el)) return true;
  const role = el.getAttribute('role') ?? '';
  if (key === 'Enter' || key === ' ') return ACTIVATED.has(el.tagName) || ACTIVATED_ROLES.has(role);
  if (key.startsWith('Arrow')) return ARROW_ROLES.has(role);
  return false;
}
