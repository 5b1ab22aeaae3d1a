import { ParsedMail, simpleParser } from 'mailparser';
import { MAX_MESSAGE_LENGTH, MAX_TOPIC_LENGTH, NO_TOPIC } from '../messages/message.types';
import type { AddressOptions } from './email-address';
import { htmlToMarkdown } from './html-to-markdown';

/** A file of the email, to upload and link. */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  content: Buffer;
}

/** What an email becomes before its attachments are uploaded. */
export interface ConvertedEmail {
  topic: string;
  body: string;
  attachments: EmailAttachment[];
}

/**
 * Parses a raw RFC 822 message with mailparser. The HTML part is not turned into text there:
 * an HTML-only email is converted to Markdown here instead.
 */
export function parseEmail(raw: Buffer): Promise<ParsedMail> {
  return simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
}

/** The body of an email with nothing to say and no files (Zulip posts something all the same). */
export const EMPTY_BODY = '(No email body)';

/**
 * The topic: the subject without its reply and forward markers (`Re:`, `Fwd:`, `AW:`, `SV:`,
 * `[Re]`...), whitespace collapsed, cut to the topic length; no subject is Zulip's "(no topic)".
 */
export function topicFromSubject(subject: string | undefined): string {
  const stripped = (subject ?? '')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/([[(] *)?\b(RE|AW|SV|FWD?) *([-:;)\]][ :;\])-]*|$)|\]+ *$/gim, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (stripped === '') return NO_TOPIC;
  return stripped.length > MAX_TOPIC_LENGTH
    ? `${stripped.slice(0, MAX_TOPIC_LENGTH - 3).trimEnd()}...`
    : stripped;
}

/**
 * Drops the quoted earlier messages of a reply: `>` lines, and the "On <date>, <someone>
 * wrote:" line that introduces them. Text between quotes (inline replies) stays.
 */
export function removeQuotes(text: string): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*>/.test(line)) continue;
    const next = lines.slice(i + 1).find((l) => l.trim() !== '');
    if (/\bwrote:\s*$/i.test(line) && next !== undefined && /^\s*>/.test(next)) continue;
    kept.push(line);
  }
  return kept.join('\n');
}

/**
 * Drops a signature: everything after the one line that is `--` (`-- ` by convention). With no
 * such line, or several, the text is left alone: better a footer too many than lost text.
 */
export function removeFooter(text: string): string {
  const lines = text.split('\n');
  const markers = lines.filter((line) => line.trim() === '--');
  if (markers.length !== 1) return text;
  return lines
    .slice(
      0,
      lines.findIndex((line) => line.trim() === '--'),
    )
    .join('\n');
}

/** The text of the email: the plain-text part, or the HTML part as Markdown (prefer-html or none). */
function bodyText(mail: ParsedMail, preferHtml: boolean): string {
  const html = typeof mail.html === 'string' ? mail.html : '';
  const text = mail.text ?? '';
  if (html && (preferHtml || text.trim() === '')) return htmlToMarkdown(html);
  return text;
}

function sender(mail: ParsedMail): string {
  const from = mail.from?.value[0];
  if (!from) return mail.from?.text ?? 'unknown sender';
  return from.name ? `${from.name} <${from.address ?? ''}>` : (from.address ?? '');
}

/** Files of the email: parts with a file name (attachments and named inline images). */
function attachmentsOf(mail: ParsedMail): EmailAttachment[] {
  return mail.attachments
    .filter((a) => typeof a.filename === 'string' && a.filename.trim() !== '')
    .map((a) => ({
      fileName: a.filename!.trim(),
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
    }));
}

/** Zulip's rules for an email to a channel address, with the address's flags. */
export function convertEmail(mail: ParsedMail, options: AddressOptions): ConvertedEmail {
  let body = bodyText(mail, options.preferHtml).replace(/\r\n?/g, '\n');
  if (!options.includeQuotes) body = removeQuotes(body);
  if (!options.includeFooter) body = removeFooter(body);
  body = body.replace(/\u0000/g, '').trim();
  const attachments = attachmentsOf(mail);
  if (body === '' && attachments.length === 0) body = EMPTY_BODY;
  if (options.showSender) body = `From: ${sender(mail)}\n${body}`;
  return { topic: topicFromSubject(mail.subject), body, attachments };
}

/**
 * The message content: the body, then one link per uploaded file; the body is cut (with a note)
 * so the links always fit in a message.
 */
export function messageContent(body: string, links: ReadonlyArray<{ name: string; url: string }>) {
  const linkLines = links.map(
    (l) =>
      `[${l.name.replace(/([\\[\]])/g, '\\$1')}](${l.url.replace(/[()\s]/g, encodeURIComponent)})`,
  );
  const tail = linkLines.length > 0 ? `\n\n${linkLines.join('\n')}` : '';
  const room = MAX_MESSAGE_LENGTH - tail.length;
  const note = '\n[message truncated]';
  const text =
    body.length > room ? `${body.slice(0, Math.max(0, room - note.length))}${note}` : body;
  return `${text}${tail}`.trim();
}
