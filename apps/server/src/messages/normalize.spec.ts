import { ZulipError } from '../common/zulip-error';
import {
  clientName,
  normalizeContent,
  normalizeEditedContent,
  normalizeTopic,
  parseDirectRecipients,
  parseStreamRecipient,
} from './normalize';
import { mirrorDummyName } from './mirror-users';

describe('message normalization', () => {
  it('trims topics, cuts them at 60 characters, and names the empty topic', () => {
    expect(normalizeTopic('  lunch  ', false)).toBe('lunch');
    expect(normalizeTopic('é'.repeat(61), false)).toBe(`${'é'.repeat(57)}...`);
    expect(normalizeTopic('e'.repeat(60), false)).toBe('e'.repeat(60));
    expect(normalizeTopic(undefined, false)).toBe('(no topic)');
    expect(() => normalizeTopic('', true)).toThrow('Topics are required in this organization');
    expect(() => normalizeTopic('a\u0000b', false)).toThrow(ZulipError);
  });

  it('strips content, refuses empty content, truncates long content', () => {
    expect(normalizeContent('\n\n  hello \n\n ')).toBe('  hello');
    expect(() => normalizeContent(' \n\t ')).toThrow('Message must not be empty');
    const long = normalizeContent('z'.repeat(20000));
    expect(long).toHaveLength(10000);
    expect(long.endsWith('\n[message truncated]')).toBe(true);
    expect(normalizeEditedContent('   ')).toBe('(deleted)');
  });

  it('parses the client name from the parameter or the User-Agent', () => {
    expect(clientName('irc_mirror', 'whatever/1.0')).toBe('irc_mirror');
    expect(clientName(undefined, 'irc_mirror (Debian GNU/Linux; 12)')).toBe('irc_mirror');
    expect(clientName(undefined, 'JabberMirror/1.1 (Debian GNU/Linux; 12)')).toBe('JabberMirror');
    expect(clientName(undefined, 'ZulipPython/0.9.1 (Debian GNU/Linux; 12)')).toBe('ZulipPython');
    expect(clientName(undefined, undefined)).toBe('API');
  });

  it('reads DM recipients in every encoding', () => {
    expect(parseDirectRecipients([3, 4])).toEqual({ ids: [3, 4], emails: [] });
    expect(parseDirectRecipients(['a@x.com'])).toEqual({ ids: [], emails: ['a@x.com'] });
    expect(parseDirectRecipients('a@x.com')).toEqual({ ids: [], emails: ['a@x.com'] });
    expect(parseDirectRecipients('a@x.com, b@x.com')).toEqual({
      ids: [],
      emails: ['a@x.com', 'b@x.com'],
    });
    expect(parseDirectRecipients(7)).toEqual({ ids: [7], emails: [] });
    expect(() => parseDirectRecipients([3, 'a@x.com'])).toThrow(ZulipError);
    expect(() => parseDirectRecipients([])).toThrow(ZulipError);
    expect(() => parseDirectRecipients({})).toThrow(ZulipError);
  });

  it('reads a stream recipient by name, id or one-element list', () => {
    expect(parseStreamRecipient('general')).toBe('general');
    expect(parseStreamRecipient(5)).toBe(5);
    expect(parseStreamRecipient(['general'])).toBe('general');
    expect(parseStreamRecipient([5])).toBe(5);
    expect(() => parseStreamRecipient(['a', 'b'])).toThrow(ZulipError);
  });

  it('names mirror dummies like Zulip', () => {
    expect(mirrorDummyName('nick@irc.example.com', 'irc_mirror')).toBe('nick (IRC)');
    expect(mirrorDummyName('romeo@example.com', 'JabberMirror')).toBe('romeo (XMPP)');
    expect(mirrorDummyName('romeo@example.com', 'jabber_mirror')).toBe('romeo (XMPP)');
  });
});
