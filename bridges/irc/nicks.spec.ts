import { ConfigError } from '../core/config-schema';
import { alternativeNick, ircLower, nickToLocalPart } from './nicks';
import { checkTemplates, fill, linePrefix } from './templates';

describe('IRC nicks as chat identities', () => {
  it('writes [ ] \\ as their rfc1459 equivalents so the email is valid', () => {
    expect(nickToLocalPart('foo[m]\\x')).toBe('foo{m}|x');
    expect(ircLower('Foo[M]')).toBe(ircLower('foo{m}'));
  });

  it('tries nick_, nick__, then nick plus digits', () => {
    expect(alternativeNick('bridge', 1)).toBe('bridge_');
    expect(alternativeNick('bridge', 2)).toBe('bridge__');
    expect(alternativeNick('bridge', 3)).toMatch(/^bridge\d{3}$/);
  });
});

describe('line templates', () => {
  const templates = {
    message: '{topic_prefix}<{name}> {text}',
    action: '{topic_prefix}* {name} {text}',
    edit: '{topic_prefix}<{name}> * edit: {text}',
    delete: '* deleted',
    direct: '<{name}> {text}',
    topicPrefix: '[{topic}] ',
  };

  it('fills placeholders and leaves unknown ones as typed', () => {
    expect(fill('[{topic}] {what}', { topic: 'ci' })).toBe('[ci] {what}');
    expect(linePrefix(templates.message, { topic_prefix: '[ci] ', name: 'Jane' })).toBe(
      '[ci] <Jane> ',
    );
  });

  it('requires {text} at the end of every template that carries text', () => {
    expect(() => checkTemplates(templates)).not.toThrow();
    expect(() => checkTemplates({ ...templates, edit: '{text} (edited)' })).toThrow(ConfigError);
    expect(() => checkTemplates({ ...templates, edit: '{text} (edited)' })).toThrow(
      'irc.edit_format: must end with {text}',
    );
  });
});
