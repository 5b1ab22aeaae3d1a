import { emojiOfText, textOfEmojiCode } from './emoji';

describe('bridge emoji', () => {
  it('names emoji the way Zulip does, with or without the presentation selector', () => {
    expect(emojiOfText('👍')).toEqual({ name: '+1', code: '1f44d' });
    expect(emojiOfText('❤️')).toEqual({ name: 'heart', code: '2764' });
    expect(emojiOfText('❤')).toEqual({ name: 'heart', code: '2764' });
  });

  it('knows nothing of text that is no emoji', () => {
    expect(emojiOfText('ok')).toBeUndefined();
    expect(emojiOfText('')).toBeUndefined();
  });

  it('writes a Zulip code back as text', () => {
    expect(textOfEmojiCode('1f44d')).toBe('👍');
    expect(textOfEmojiCode('1f468-200d-1f4bb')).toBe('👨‍💻');
    expect(textOfEmojiCode('zulip')).toBeUndefined();
  });
});
