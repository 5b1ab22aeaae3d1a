import { ZulipError } from './zulip-error';
import { formIsUtf8, nestingDepth, PathParamsPipe } from './input-guard';
import { unstorable } from './unstorable';

describe('the input guard', () => {
  it('tells form text that decodes to UTF-8 from text that does not', () => {
    expect(formIsUtf8('content=caf%C3%A9&topic=x')).toBe(true);
    expect(formIsUtf8('content=100%&x=%zz')).toBe(true);
    expect(formIsUtf8('content=%FF%FE')).toBe(false);
    // A surrogate encoded on its own (CESU-8) is not UTF-8 either.
    expect(formIsUtf8('topic=%ED%A0%80')).toBe(false);
  });

  it('finds NUL and lone surrogates, not paired ones', () => {
    expect(unstorable('a\u0000b')).toBe(true);
    expect(unstorable('\ud800')).toBe(true);
    expect(unstorable('ok 😀')).toBe(false);
  });

  it('measures nesting without recursing, stopping past the limit', () => {
    expect(nestingDepth({ a: [1, { b: 2 }] }, 16)).toBe(3);
    const deep = JSON.parse(`${'['.repeat(100000)}${']'.repeat(100000)}`) as unknown;
    expect(nestingDepth(deep, 16)).toBe(17);
  });

  it('refuses path ids beyond their column, 64-bit only for messages', () => {
    const pipe = new PathParamsPipe();
    const param = (data: string) => ({ type: 'param' as const, data });
    expect(pipe.transform('2147483647', param('stream_id'))).toBe('2147483647');
    expect(() => pipe.transform('2147483648', param('stream_id'))).toThrow(ZulipError);
    expect(() => pipe.transform('2147483648', param('stream_id'))).toThrow('Invalid channel ID');
    expect(pipe.transform('2147483648', param('message_id'))).toBe('2147483648');
    expect(() => pipe.transform('99999999999999999999', param('message_id'))).toThrow(
      'Invalid message(s)',
    );
    expect(() => pipe.transform('a\u0000', param('domain'))).toThrow(ZulipError);
    expect(pipe.transform('nobody@example.com', param('email_or_id'))).toBe('nobody@example.com');
  });
});
