import {
  compileLinkifier,
  expandUrlTemplate,
  formatStringToTemplate,
  LinkifierError,
  pythonToJsPattern,
} from './linkifier-rules';

describe('linkifier rules', () => {
  it('accepts Python named groups and links matches through the template', () => {
    const l = compileLinkifier('#(?P<id>[0-9]+)', 'https://github.com/zulip/zulip/issues/{id}');
    expect(l.variables).toEqual(['id']);
    const match = l.pattern.exec('see #2468 please');
    expect(match?.groups?.id).toBe('2468');
    expect(expandUrlTemplate(l.urlTemplate, match?.groups ?? {})).toBe(
      'https://github.com/zulip/zulip/issues/2468',
    );
  });

  it('converts back-references and legacy format strings', () => {
    expect(pythonToJsPattern('(?P<a>x)(?P=a)')).toBe('(?<a>x)\\k<a>');
    expect(formatStringToTemplate('https://t.example/%(id)s?q=100%%')).toBe(
      'https://t.example/{id}?q=100%',
    );
  });

  it('percent-encodes every reserved character when expanding', () => {
    expect(expandUrlTemplate('https://x.example/{q}', { q: "a b/c?d&e'(f)" })).toBe(
      'https://x.example/a%20b%2Fc%3Fd%26e%27%28f%29',
    );
  });

  it.each([
    ['a syntax error', '(unclosed', 'https://x.example/', /^Bad regular expression: /],
    ['nested quantifiers', '(a+)+$', 'https://x.example/', /too long to match/],
    ['a starred alternation', '(?P<id>(a|aa)*)*', 'https://x.example/{id}', /too long to match/],
    ['an overlong pattern', 'a'.repeat(1001), 'https://x.example/', /too long \(limit: 1000/],
    ['an empty pattern', '', 'https://x.example/', /empty/],
    ['an unknown group', '#(?P<id>\\d+)', 'https://x.example/{other}', /Group "other" in URL/],
    ['a script URL', '#(?P<id>\\d+)', 'javascript:alert({id})', /absolute http\(s\) URL/],
    ['a non-URL', '#(?P<id>\\d+)', 'not a url {id}', /absolute http\(s\) URL/],
    ['a level-2 expression', '#(?P<id>\\d+)', 'https://x.example/{+id}', /unsupported expression/],
    ['an unclosed brace', '#(?P<id>\\d+)', 'https://x.example/{id', /unbalanced braces/],
  ])('refuses %s', (_what, pattern, template, why) => {
    expect(() => compileLinkifier(pattern, template)).toThrow(LinkifierError);
    expect(() => compileLinkifier(pattern, template)).toThrow(why);
  });
});
