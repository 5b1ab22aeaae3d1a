import { parseWebhookBody } from './webhook-body';
import { branchWanted, eventWanted, parseEventPatterns } from './event-filter';

describe('parseWebhookBody', () => {
  it('reads JSON whatever the content type says (Semaphore labels JSON as a form)', () => {
    const body = Buffer.from('{"event":"build","branch_name":"main"}');
    expect(parseWebhookBody(body, 'application/x-www-form-urlencoded').payload).toEqual({
      event: 'build',
      branch_name: 'main',
    });
    expect(parseWebhookBody(body, 'application/json').payload).toEqual({
      event: 'build',
      branch_name: 'main',
    });
  });

  it('reads the JSON inside a form field named payload (Travis CI)', () => {
    const form = `payload=${encodeURIComponent('{"status_message":"Passed"}')}&api_key=abc`;
    const parsed = parseWebhookBody(Buffer.from(form), 'application/x-www-form-urlencoded');
    expect(parsed.payload).toEqual({ status_message: 'Passed' });
    expect(parsed.form.api_key).toBe('abc');
  });

  it('reads a bare null as a null payload (Shortcut posts one now and then)', () => {
    expect(parseWebhookBody(Buffer.from('null'), 'application/json').payload).toBeNull();
  });

  it('reads the JSON inside a form field named json (HelloSign)', () => {
    const form = `json=${encodeURIComponent('{"event":{"event_type":"callback_test"}}')}`;
    const parsed = parseWebhookBody(Buffer.from(form), 'application/x-www-form-urlencoded');
    expect(parsed.payload).toEqual({ event: { event_type: 'callback_test' } });
  });

  it('reads the JSON inside the json field of a multipart form (HelloSign), skipping files', () => {
    const boundary = 'xYzZY';
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="json"',
      '',
      '{"event":{"event_type":"callback_test"}}',
      `--${boundary}`,
      'Content-Disposition: form-data; name="file"; filename="a.pdf"',
      'Content-Type: application/pdf',
      '',
      '%PDF-1.4',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const parsed = parseWebhookBody(
      Buffer.from(body),
      `multipart/form-data; boundary="${boundary}"`,
    );
    expect(parsed.payload).toEqual({ event: { event_type: 'callback_test' } });
    expect(Object.keys(parsed.form)).toEqual(['json']);
  });

  it('answers INVALID_JSON for a broken JSON body or a broken payload field', () => {
    expect(() => parseWebhookBody(Buffer.from('{"a":'), 'application/json')).toThrow(
      expect.objectContaining({ code: 'INVALID_JSON', status: 400 }),
    );
    expect(() =>
      parseWebhookBody(Buffer.from('payload=%7Bnope'), 'application/x-www-form-urlencoded'),
    ).toThrow(expect.objectContaining({ code: 'INVALID_JSON' }));
    expect(() => parseWebhookBody(Buffer.from('<a><b></a>'), 'text/xml')).toThrow(
      expect.objectContaining({ code: 'INVALID_JSON' }),
    );
  });

  it('reads an XML document as its elements (Pivotal Tracker v3)', () => {
    const xml = '<?xml version="1.0"?><activity><event_type>story_update</event_type></activity>';
    expect(parseWebhookBody(Buffer.from(xml), 'application/xml').payload).toEqual({
      event_type: 'story_update',
    });
  });

  it('treats an empty body as an empty payload', () => {
    expect(parseWebhookBody(Buffer.alloc(0), undefined)).toEqual({ payload: {}, form: {} });
  });
});

describe('event filters', () => {
  it('parses only_events/exclude_events as JSON lists and refuses anything else', () => {
    expect(parseEventPatterns('["push*","issues"]', 'only_events')).toEqual(['push*', 'issues']);
    expect(parseEventPatterns(undefined, 'only_events')).toBeNull();
    expect(() => parseEventPatterns('push', 'only_events')).toThrow(
      'Argument "only_events" is not valid JSON.',
    );
    expect(() => parseEventPatterns('{"a":1}', 'exclude_events')).toThrow(/not a list of strings/);
  });

  it('matches shell-style globs like Zulip does', () => {
    expect(eventWanted('push_commits', ['push*'], null)).toBe(true);
    expect(eventWanted('issues', ['push*'], null)).toBe(false);
    expect(eventWanted('push_tags', null, ['*_tags'])).toBe(false);
    expect(eventWanted('push_commits', ['push*'], ['push_tags'])).toBe(true);
    expect(eventWanted('anything', null, null)).toBe(true);
  });

  it('filters branches by exact name from a comma-separated list', () => {
    expect(branchWanted('main', 'main,dev')).toBe(true);
    expect(branchWanted('feature', 'main, dev')).toBe(false);
    expect(branchWanted('mai', 'main')).toBe(false);
    expect(branchWanted(null, 'main')).toBe(true);
    expect(branchWanted('feature', undefined)).toBe(true);
  });
});
