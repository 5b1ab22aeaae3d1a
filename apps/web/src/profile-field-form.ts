/** Zulip's custom profile field types the administration page offers, with their names. */
export const FIELD_TYPES: Array<[number, string]> = [
  [1, 'Text (short)'],
  [2, 'Text (long)'],
  [3, 'List of options'],
  [4, 'Date'],
  [5, 'Link'],
  [6, 'Person'],
  [8, 'Pronouns'],
];

export const SELECT_FIELD = 3;

export function fieldTypeName(type: number): string {
  return FIELD_TYPES.find(([t]) => t === type)?.[1] ?? 'External account';
}

/**
 * A list field's `field_data` from its options, one a line (blank lines dropped):
 * `{"0": {"text": "…", "order": "1"}, …}` as Zulip stores it.
 */
export function choicesData(lines: string): Record<string, { text: string; order: string }> {
  const options = lines
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return Object.fromEntries(options.map((text, i) => [String(i), { text, order: String(i + 1) }]));
}

/** The options of a list field's `field_data` (a JSON string), in their order, one a line. */
export function choicesText(fieldData: string): string {
  try {
    const data = JSON.parse(fieldData) as Record<string, { text: string; order: string }>;
    return Object.values(data)
      .sort((a, b) => Number(a.order) - Number(b.order))
      .map((c) => c.text)
      .join('\n');
  } catch {
    return '';
  }
}

/** The ids with the one at `index` moved `delta` places (up is -1); unchanged at the ends. */
export function moved(ids: number[], index: number, delta: number): number[] {
  const to = index + delta;
  if (index < 0 || index >= ids.length || to < 0 || to >= ids.length) return ids;
  const out = [...ids];
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item);
  return out;
}
