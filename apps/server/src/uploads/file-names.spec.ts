import {
  contentDisposition,
  contentTypeFor,
  randomPathPart,
  sanitizeFileName,
  servedInline,
} from './file-names';

describe('upload file names', () => {
  it('keeps ordinary names and turns spaces into dashes', () => {
    expect(sanitizeFileName('report 2024 (final).pdf')).toBe('report-2024-final.pdf');
    expect(sanitizeFileName('Grüße.txt')).toBe('Grüße.txt');
  });

  it('drops path separators, control characters and leading dots', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('..\\..\\boot.ini')).toBe('boot.ini');
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('a\u0000b\u202ec\n.txt')).toBe('abc.txt');
    expect(sanitizeFileName('...')).toBe('uploaded-file');
    expect(sanitizeFileName('')).toBe('uploaded-file');
  });

  it('shortens very long names but keeps the extension', () => {
    const name = sanitizeFileName(`${'x'.repeat(500)}.png`);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.png')).toBe(true);
  });

  it('makes random parts of at least 128 bits, URL-safe and different each time', () => {
    const a = randomPathPart();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomPathPart()).not.toBe(a);
  });

  it('guesses the type from the extension before believing the client', () => {
    expect(contentTypeFor('a.PNG', 'text/html')).toBe('image/png');
    expect(contentTypeFor('page.html', 'image/png')).toBe('text/html');
    expect(contentTypeFor('data.bin', 'application/x-thing')).toBe('application/x-thing');
    expect(contentTypeFor('data.bin', 'not a type')).toBe('application/octet-stream');
  });

  it('serves only inert media inline: never SVG, HTML or PDF', () => {
    expect(servedInline('image/png')).toBe(true);
    expect(servedInline('video/mp4')).toBe(true);
    expect(servedInline('image/svg+xml')).toBe(false);
    expect(servedInline('text/html')).toBe(false);
    expect(servedInline('application/pdf')).toBe(false);
  });

  it('quotes file names safely in Content-Disposition', () => {
    expect(contentDisposition('attachment', 'a"b é.txt')).toBe(
      `attachment; filename="a_b _.txt"; filename*=UTF-8''a%22b%20%C3%A9.txt`,
    );
  });
});
