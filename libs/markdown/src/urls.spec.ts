import { hashEncode, resolveLink } from './urls';

const realm = 'https://chat.example.com';

describe('hashEncode', () => {
  it('encodes like Zulip narrow URLs', () => {
    expect(hashEncode('my topic.v2 (draft)!')).toBe('my.20topic.2Ev2.20.28draft.29.21');
    expect(hashEncode('naïve/ok-_~')).toBe('na.C3.AFve.2Fok-_~');
  });
});

describe('resolveLink', () => {
  it('accepts http(s) and mailto, marking foreign hosts external', () => {
    expect(resolveLink('https://example.com/a.PNG', realm)).toEqual({
      href: 'https://example.com/a.PNG',
      external: true,
      isUpload: false,
      isImage: true,
    });
    expect(resolveLink('mailto:a@example.com', realm)?.external).toBe(true);
  });

  it('treats the realm itself as internal and finds uploads on it', () => {
    expect(resolveLink('https://chat.example.com/user_uploads/2/x.pdf', realm)).toEqual({
      href: 'https://chat.example.com/user_uploads/2/x.pdf',
      external: false,
      isUpload: true,
      uploadPathId: '2/x.pdf',
      isImage: false,
    });
    expect(resolveLink('/user_uploads/2/x%20y.jpg', realm)).toEqual({
      href: '/user_uploads/2/x%20y.jpg',
      external: false,
      isUpload: true,
      uploadPathId: '2/x y.jpg',
      isImage: true,
    });
  });

  it('adds http:// to scheme-less links', () => {
    expect(resolveLink('zulip.com/help', realm)?.href).toBe('http://zulip.com/help');
  });

  it('refuses other schemes and hidden characters', () => {
    for (const href of [
      'javascript:alert(1)',
      ' JAVASCRIPT:alert(1)',
      'vbscript:x',
      'data:text/html,x',
      'file:///etc/passwd',
      'java\tscript:alert(1)',
      'https://exa\u200Bmple.com',
      'https://example.com/\u202Efdp.exe',
      '',
    ]) {
      expect(resolveLink(href, realm)).toBeNull();
    }
  });
});
