import { createHmac } from 'node:crypto';
import { dispatchWebhook } from '../core/dispatch';
import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { jiraMarkupToMarkdown } from './jira-markup';
import { SHARED_FIXTURES } from './jira.expectations';
import { jiraIntegration as jira } from './jira.handler';

describeFixtures('Jira on the captured fixtures in ../shared', SHARED_FIXTURES);

const deliver = deliverWith(jira);
const issue = {
  key: 'HUB-7',
  self: 'https://hub.atlassian.net/rest/api/2/issue/10007',
  fields: { summary: 'Retry webhook deliveries', priority: { name: 'High' }, assignee: null },
};

describe('Jira', () => {
  it.each([
    'attachment_created',
    'issuelink_created',
    'jira:version_released',
    'sprint_started',
    'worklog_created',
  ])('recognises %s and posts nothing', (webhookEvent) => {
    expect(dispatchWebhook(jira, webhookInput({ webhookEvent, issue })).kind).toBe('ignored');
  });

  it('answers an event it does not know as unsupported, by its name', () => {
    expect(dispatchWebhook(jira, webhookInput({ webhookEvent: 'board_created' }))).toEqual({
      kind: 'unsupported',
      event: 'board_created',
    });
  });

  it('refuses a payload without an event as anomalous', () => {
    expect(() => deliver(webhookInput({ issue }))).toThrow(AnomalousPayloadError);
  });

  it('says an update with no change it can name in one line', () => {
    const input = webhookInput({
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      user: { displayName: 'Ada' },
      issue,
    });
    expect(deliver(input).message).toEqual({
      topic: 'HUB-7: Retry webhook deliveries',
      body: 'Ada updated [HUB-7: Retry webhook deliveries](https://hub.atlassian.net/browse/HUB-7).',
    });
  });

  it('cuts a long summary in the topic but keeps it whole in the link', () => {
    const summary = 'A summary far longer than any topic that Zulip would ever accept';
    const input = webhookInput({
      webhookEvent: 'jira:issue_deleted',
      user: { displayName: 'Ada' },
      issue: { ...issue, fields: { ...issue.fields, summary } },
    });
    const message = deliver(input).message!;
    expect(message.topic).toBe('HUB-7: A summary far longer than any topic that Zulip wou...');
    expect(message.body).toContain(`[HUB-7: ${summary}](https://hub.atlassian.net/browse/HUB-7)`);
  });

  it("turns Jira's wiki markup into Markdown", () => {
    expect(jiraMarkupToMarkdown('Ask [~grace] about *this*: [docs|https://d.example/x]')).toBe(
      'Ask **grace** about **this**: [docs](https://d.example/x)',
    );
    expect(jiraMarkupToMarkdown('bq. Quoted\r\n{code:ts}\r\nlet a = 1;\r\n{code}')).toBe(
      '> Quoted\n~~~\nlet a = 1;\n~~~',
    );
  });

  it('checks the HMAC Jira Cloud signs with, or a secret in the URL', () => {
    const rawBody = Buffer.from('{"webhookEvent":"comment_created"}');
    const signature = `sha256=${createHmac('sha256', 'shh').update(rawBody).digest('hex')}`;
    const check =
      (headers: Record<string, string>, query: Record<string, string> = {}) =>
      () =>
        jira.verify!('shh', { rawBody, headers, query });
    expect(check({ 'x-hub-signature': signature })).not.toThrow();
    expect(check({}, { secret: 'shh' })).not.toThrow();
    expect(check({ 'x-hub-signature': 'sha256=00' })).toThrow();
    expect(check({})).toThrow();
  });
});
