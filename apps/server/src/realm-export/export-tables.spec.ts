import { checkCatalogue, EXPORT_TABLES, NOT_EXPORTED } from './export-tables';

describe('export catalogue', () => {
  it('lists every table once, each referring only to tables before it', () => {
    const seen = new Set<string>();
    const forward: string[] = [];
    for (const spec of EXPORT_TABLES) {
      expect(seen.has(spec.table)).toBe(false);
      for (const target of [...Object.values(spec.refs), ...Object.values(spec.arrayRefs ?? {})]) {
        if (!seen.has(target)) forward.push(`${spec.table} -> ${target}`);
      }
      seen.add(spec.table);
      expect(spec.scope).toContain('$1');
    }
    expect(forward).toEqual([]);
  });

  it('reports tables and foreign keys an export would miss', () => {
    const tables = [...EXPORT_TABLES.map((t) => t.table), ...Object.keys(NOT_EXPORTED)];
    expect(
      checkCatalogue(tables, [{ table: 'users', column: 'bot_owner_id', refTable: 'users' }]),
    ).toEqual([]);
    expect(
      checkCatalogue(
        [...tables, 'saved_snippets'],
        [
          { table: 'messages', column: 'thread_id', refTable: 'messages' },
          { table: 'user_presence', column: 'user_id', refTable: 'users' },
        ],
      ),
    ).toEqual([
      'table "saved_snippets" is neither exported nor excluded',
      'messages.thread_id refers to messages but is not remapped on import',
    ]);
  });
});
