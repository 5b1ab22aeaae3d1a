import { expectDialog } from '../framework/testing';
import { EncryptBot, rot13 } from './encrypt.bot';

describe('encrypt bot', () => {
  it('rot13-encrypts text, keeping case, digits and punctuation', async () => {
    await expectDialog(new EncryptBot(), [
      ['Hello, World! 123', 'Encrypted/Decrypted text: Uryyb, Jbeyq! 123'],
      ['Uryyb', 'Encrypted/Decrypted text: Hello'],
      ['xyz ABC', 'Encrypted/Decrypted text: klm NOP'],
    ]);
  });

  it('is its own inverse', () => {
    const text = 'The quick brown fox jumps over the lazy dog';
    expect(rot13(rot13(text))).toBe(text);
  });

  it('explains itself when given nothing', async () => {
    await expectDialog(new EncryptBot(), [['', new EncryptBot().usage()]]);
  });
});
