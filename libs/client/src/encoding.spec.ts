import { encodeParams } from './encoding';

describe('encodeParams (python-zulip-api wire format)', () => {
  it('puts GET parameters in the query string, JSON-encoding non-strings', async () => {
    const encoded = await encodeParams('GET', {
      anchor: 'newest',
      num_before: 5,
      apply_markdown: false,
      narrow: [['stream', 'general']],
      skipped: undefined,
    });
    expect(encoded.body).toBeUndefined();
    expect(encoded.query.toString()).toBe(
      'anchor=newest&num_before=5&apply_markdown=false&narrow=%5B%5B%22stream%22%2C%22general%22%5D%5D',
    );
  });

  it.each(['POST', 'PATCH', 'PUT', 'DELETE'] as const)(
    'sends %s parameters as a urlencoded form',
    async (method) => {
      const encoded = await encodeParams(method, {
        to: [9, 10],
        content: 'hi there & more',
        forged: true,
        nothing: null,
        gone: undefined,
      });
      expect(encoded.contentType).toBe('application/x-www-form-urlencoded');
      expect(encoded.query.toString()).toBe('');
      const form = new URLSearchParams(encoded.body?.toString());
      expect([...form]).toEqual([
        ['to', '[9,10]'],
        ['content', 'hi there & more'],
        ['forged', 'true'],
        ['nothing', 'null'],
      ]);
    },
  );

  it('keeps a string that looks like JSON as it is', async () => {
    const encoded = await encodeParams('POST', { to: '["a@x.com"]', storage: { k: '1' } });
    const form = new URLSearchParams(encoded.body?.toString());
    expect(form.get('to')).toBe('["a@x.com"]');
    expect(form.get('storage')).toBe('{"k":"1"}');
  });

  it('switches to multipart when a file is present, with the other fields alongside', async () => {
    const file = new File([Buffer.from('hello file')], 'notes.txt', { type: 'text/plain' });
    const encoded = await encodeParams('POST', { file, private: true });
    expect(encoded.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const parsed = await new Response(encoded.body, {
      headers: { 'content-type': encoded.contentType ?? '' },
    }).formData();
    expect(parsed.get('private')).toBe('true');
    const received = parsed.get('file');
    expect(received).toBeInstanceOf(File);
    expect((received as File).name).toBe('notes.txt');
    expect(await (received as File).text()).toBe('hello file');
  });
});
