import { parse } from 'ini';
import { buildZuliprc } from './zuliprc';

describe('buildZuliprc', () => {
  it('writes the [api] section the Zulip clients read', () => {
    const text = buildZuliprc({ email: 'a-bot@x.org', key: 'K'.repeat(32), site: 'http://x.org' });
    expect(text).toBe(`[api]\nemail=a-bot@x.org\nkey=${'K'.repeat(32)}\nsite=http://x.org\n`);
  });

  it('adds the token of an outgoing-webhook bot and round-trips through an INI parser', () => {
    const text = buildZuliprc({ email: 'o-bot@x.org', key: 'k', site: 'http://x.org', token: 't' });
    expect(parse(text)).toEqual({
      api: { email: 'o-bot@x.org', key: 'k', site: 'http://x.org', token: 't' },
    });
  });
});
