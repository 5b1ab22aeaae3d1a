import type { IntegrationDefinition, WebhookInput } from '../core/integration';
import { AnomalousPayloadError, Payload } from '../core/payload';
import { render } from '../core/templates';
import { truncateTopic } from '../core/text';
import { mrkdwnToMarkdown } from './mrkdwn';

/**
 * Slack-compatible incoming webhooks (`/api/v1/external/slack_incoming`), so tools that can only
 * talk to Slack post here unchanged. `blocks` and `attachments` are rendered to Markdown; `text`
 * is used when they render to nothing (Slack treats it as their notification fallback).
 * The topic is the URL's `topic`, else the payload's `channel` without its `#`/`@`, else
 * "(no topic)", as Zulip does.
 */
const TEMPLATES = 'slack';

/** A Block Kit text object; `plain_text` is shown as is, `mrkdwn` converted. */
function textObject(p: Payload, path: string): string {
  const t = p.obj(path);
  const type = t.str('type');
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    throw new AnomalousPayloadError(`${path}.type`, '"plain_text" or "mrkdwn"');
  }
  const text = t.str('text');
  return type === 'mrkdwn' ? mrkdwnToMarkdown(text) : text;
}

function imageLink(p: Payload): string {
  return `[${p.str('alt_text')}](${p.str('image_url')})`;
}

function joinPieces(pieces: readonly string[]): string {
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
    .join('\n\n');
}

/** Slack shows section fields in two columns; a table keeps them side by side. */
function fieldsTable(fields: readonly string[]): string {
  if (fields.length === 1) return fields[0];
  const cells = fields.map((f) => f.replace(/\n/g, ' ').replace(/\|/g, ' '));
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 2) rows.push(`| ${cells[i]} | ${cells[i + 1] ?? ''} |`);
  return ['| | |', '|-|-|', ...rows].join('\n');
}

function renderBlock(block: Payload): string {
  switch (block.str('type')) {
    case 'section': {
      const pieces: string[] = [];
      if (block.has('text')) pieces.push(textObject(block, 'text'));
      const accessory = block.optObj('accessory');
      if (accessory && accessory.str('type') === 'image') pieces.push(imageLink(accessory));
      if (block.has('fields')) {
        const fields = block.list('fields').map((_f, i) => textObject(block, `fields.${i}`));
        pieces.push(fieldsTable(fields));
      }
      return joinPieces(pieces);
    }
    case 'header':
      return `## ${textObject(block, 'text')}`;
    case 'divider':
      return '----';
    case 'image': {
      const alt = block.has('title') ? textObject(block, 'title') : block.str('alt_text');
      return `[${alt}](${block.str('image_url')})`;
    }
    case 'context':
      return joinPieces(
        block
          .optList('elements')
          .map((e, i) =>
            e.str('type') === 'image' ? imageLink(e) : textObject(block, `elements.${i}`),
          ),
      );
    default:
      // Interactive blocks (actions, input) and newer kinds have nothing to show in a message.
      return '';
  }
}

function renderAttachment(a: Payload): string {
  const pieces: string[] = [];
  const title = a.optStr('title');
  if (title) {
    const link = a.optStr('title_link');
    pieces.push(link ? `## [${title}](${link})` : `## ${title}`);
  }
  const pretext = a.optStr('pretext');
  if (pretext) pieces.push(mrkdwnToMarkdown(pretext));
  const text = a.optStr('text');
  if (text) pieces.push(mrkdwnToMarkdown(text));
  const fields = a.optList('fields').flatMap((f) => {
    const fieldTitle = f.optStr('title');
    const value = f.optStr('value');
    if (fieldTitle && value) return [`**${fieldTitle}**: ${mrkdwnToMarkdown(value)}`];
    if (fieldTitle) return [`**${fieldTitle}**`];
    if (value) return [mrkdwnToMarkdown(value)];
    return [];
  });
  if (fields.length > 0) pieces.push(fields.join('\n'));
  pieces.push(...a.optList('blocks').map(renderBlock));
  const image = a.optStr('image_url');
  if (image) pieces.push(`[](${image})`);
  const footer = a.optStr('footer');
  if (footer) pieces.push(mrkdwnToMarkdown(footer));
  const ts = a.optNum('ts');
  if (ts) pieces.push(`<time:${Math.trunc(ts)}>`);
  return joinPieces(pieces);
}

function renderMessage(input: WebhookInput) {
  const p = new Payload(input.payload);
  const channel = p.optStr('channel');
  const topic = truncateTopic(channel ? channel.replace(/^[#@]/, '') : '(no topic)');
  let body = joinPieces([
    ...p.optList('blocks').map(renderBlock),
    ...p.optList('attachments').map(renderAttachment),
  ]);
  const text = p.optStr('text');
  if (body === '' && text) {
    const emoji = p.optStr('icon_emoji');
    body = render(TEMPLATES, 'text', { emoji, text: mrkdwnToMarkdown(text) });
  }
  return body === '' ? null : { topic, body };
}

export const slackIncomingIntegration: IntegrationDefinition = {
  name: 'slack_incoming',
  displayName: 'Slack-compatible webhook',
  category: 'other',
  folder: 'slack',
  eventName: () => 'message',
  events: { message: renderMessage },
  ignoredEvents: [],
};
