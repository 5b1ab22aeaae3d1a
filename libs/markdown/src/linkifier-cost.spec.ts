import { variableQuantifiers } from './linkifier-cost';
import { matchPatterns } from './linkifier-matcher';

describe('variableQuantifiers', () => {
  it.each([
    ['#(?<id>[0-9]+)', 1],
    ['T(?<id>\\d+)', 1],
    ['RT #(?<id>[0-9]{3,})', 1],
    ['(?<org>[a-z0-9_-]+)/(?<repo>[a-z0-9_-]+)#(?<id>[0-9]+)', 3],
    ['ABC-\\d{4}', 0],
    ['\\bCVE-(?<y>\\d{4})-(?<n>\\d{4,7})\\b', 1],
    ['(?:ab)+c', 1],
    ['[\\]x]y', 0],
    ['^x.y$', 0],
  ])('%s has %d', (source, expected) => {
    expect(variableQuantifiers(source, '')).toBe(expected);
  });

  it.each([
    ['a|b', 'alternation'],
    ['(a+)+', 'a quantifier inside a quantified group'],
    ['(a+){2}', 'a quantifier inside a repeated group'],
    ['(a)\\1', 'a back-reference'],
    ['(?<x>a)\\k<x>', 'a named back-reference'],
    ['a(?=b)', 'a lookahead'],
    ['(?<!a)b', 'a lookbehind'],
    ['a++', 'a doubled quantifier'],
    ['\\p{L}+', 'a property escape'],
    ['\\u0041', 'a code escape'],
    ['[a', 'an unclosed class'],
    ['(a', 'an unclosed group'],
    ['a)', 'an unopened group'],
    ['a{2', 'a brace that is not a quantifier'],
    ['[[a]]', 'a bracket inside a class'],
  ])('%s is refused (%s)', (source) => {
    expect(variableQuantifiers(source, '')).toBeNull();
  });

  it('allows the i and u flags only', () => {
    expect(variableQuantifiers('#\\d+', 'iu')).toBe(1);
    expect(variableQuantifiers('#\\d+', 'm')).toBeNull();
  });
});

describe('matchPatterns without the sandbox', () => {
  const bounded = (source: string, flags = 'g') => ({
    source,
    flags,
    variableQuantifiers: variableQuantifiers(source, ''),
  });

  it('finds the same matches as the sandbox, limit included', () => {
    const patterns = [bounded('T(?<id>[0-9]+)'), bounded('#(?<n>\\d+)')];
    const sandboxed = patterns.map(({ source, flags }) => ({ source, flags }));
    const texts = ['fixes T12 and #3, T4', 'nothing', '#5 #6 T7'];
    for (const limit of [100, 3]) {
      const direct = matchPatterns(patterns, texts, limit, 50);
      expect(direct).toEqual(matchPatterns(sandboxed, texts, limit, 50));
    }
    expect(matchPatterns(patterns, texts, 100, 50)?.[0]).toEqual([
      { pattern: 0, start: 6, text: 'T12', groups: { id: '12' } },
      { pattern: 0, start: 18, text: 'T4', groups: { id: '4' } },
      { pattern: 1, start: 14, text: '#3', groups: { n: '3' } },
    ]);
  });

  it('still answers null when a costly pattern runs out of time in the sandbox', () => {
    const costly = bounded('a*a*a*a*a*a*c');
    expect(costly.variableQuantifiers).toBe(6);
    expect(matchPatterns([costly], ['a'.repeat(5000)], 100, 20)).toBeNull();
  });
});
