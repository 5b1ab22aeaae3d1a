import { scrubSecrets } from './json-logger';

describe('scrubSecrets', () => {
  it('removes keys, passwords, sessions, tokens and URL passwords from a log text', () => {
    const text = [
      'POST /api/v1/external/github?api_key=abcDEF123&stream=ci',
      'body username=a%40b.c&password=hunter22',
      '{"api_key":"k3y","secret": "s3cr3t","ok":"kept"}',
      'Authorization: Basic YWxpY2U6c2VjcmV0 and Bearer tok.en-1',
      'Cookie: sessionid=sess1234; csrftoken=csrf5678',
      'connect smtp://mailer:smtpPass@mail.example.com:587 failed',
    ].join('\n');
    const scrubbed = scrubSecrets(text);
    for (const secret of [
      'abcDEF123',
      'hunter22',
      'k3y',
      's3cr3t',
      'YWxpY2U6c2VjcmV0',
      'tok.en-1',
      'sess1234',
      'csrf5678',
      'smtpPass',
    ]) {
      expect(scrubbed).not.toContain(secret);
    }
    expect(scrubbed).toContain('stream=ci');
    expect(scrubbed).toContain('"ok":"kept"');
    expect(scrubbed).toContain('smtp://mailer:[redacted]@mail.example.com:587');
  });
});
