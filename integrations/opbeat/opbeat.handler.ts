import { defineIntegration, WebhookEvent } from '../core/define';
import type { Payload } from '../core/payload';
import { link } from '../core/text';

/**
 * Opbeat's activity webhooks: an activity (`title`, `summary`) about a subject — an app, an error
 * group, a comment on one. Opbeat was retired in 2018 (folded into Elastic APM); the URL is still
 * accepted. Topic: the activity's title. The body follows Zulip's: the linked title, the summary,
 * then the subject's details (an error group's most recent occurrence, quoted).
 */
const SUBJECTS = ['app', 'errorgroup', 'comment'];

/** Opbeat sometimes gives a path: make it a full link. */
function opbeatUrl(url: string | null): string | null {
  if (!url) return null;
  return url.includes('opbeat.com') ? url : `https://opbeat.com/${url.replace(/^\/+/, '')}`;
}

const heading = (title: string, object: Payload) =>
  `**${link(title, opbeatUrl(object.optStr('html_url')))}**`;

/** The lines describing a subject of a type, as Zulip writes them. */
function subjectLines(object: Payload, type: string): string[] {
  switch (type) {
    case 'app':
      return [
        heading(object.str('name'), object),
        `>language: ${object.optStr('language') ?? ''}`,
        `>framework: ${object.optStr('framework') ?? ''}`,
      ];
    case 'errorgroup': {
      const lines = [heading(`E#${object.num('number')}`, object)];
      const last = object.optObj('last_occurrence');
      if (last) {
        lines.push(
          '',
          '**Most recent Occurrence**',
          `>in ${last.optStr('extra.pathname') ?? ''}`,
          `>${last.optStr('message') ?? ''}`,
        );
      }
      return lines;
    }
    case 'comment':
      return subjectLines(object.obj('subject'), object.str('subject_type'));
    default:
      return [];
  }
}

function activity(e: WebhookEvent) {
  const title = e.payload.str('title');
  const summary = e.payload.optStr('summary');
  const lines = [heading(title, e.payload), ...(summary ? [summary] : [])];
  const subject = e.payload.optObj('subject');
  if (subject) lines.push('', ...subjectLines(subject, e.payload.str('subject_type')));
  return e.messageWithBody(title, lines.join('\n').trim());
}

export const opbeatIntegration = defineIntegration({
  name: 'opbeat',
  displayName: 'Opbeat',
  category: 'monitoring',
  eventName: (e) => {
    const type = e.payload.str('subject_type');
    return SUBJECTS.includes(type) ? type : 'other';
  },
  events: { app: activity, errorgroup: activity, comment: activity, other: activity },
});
