/** The search bar's suggestions: operators, then streams, topics and people completing the last word. */
import type { Person, StreamInfo } from './model';
import { rank } from './typeahead';
import type { Suggestion } from './components/Typeahead';

export interface SearchSource {
  streams(): StreamInfo[];
  topics(streamId: number): Array<{ name: string }>;
  /** Active people. */
  people(): Person[];
  streamId(name: string): number | undefined;
}

const OPERATORS = [
  { text: 'is:starred', detail: 'Starred messages' },
  { text: 'is:mentioned', detail: 'Messages that mention you' },
  { text: 'is:dm', detail: 'Direct messages' },
  { text: 'is:unread', detail: 'Unread messages' },
  { text: 'has:link', detail: 'Messages with links' },
  { text: 'has:image', detail: 'Messages with images' },
  { text: 'has:attachment', detail: 'Messages with attachments' },
  { text: 'stream:', detail: 'Messages in a stream' },
  { text: 'topic:', detail: 'Messages in a topic' },
  { text: 'sender:', detail: 'Messages sent by someone' },
  { text: 'dm:', detail: 'Direct messages with someone' },
  { text: 'near:', detail: 'Around a message id' },
];

function quote(text: string): string {
  return /\s/.test(text) ? `"${text}"` : text;
}

/** What may complete the last word of the search text. */
export function searchSuggestions(text: string, source: SearchSource): Suggestion[] {
  const head = text.replace(/\S*$/, '');
  const last = text.slice(head.length);
  const op = /^(-?)(stream|channel|sender|dm|topic|from):(.*)$/i.exec(last);
  const out: Suggestion[] = [];
  if (op) {
    const [, minus, operator, query] = op;
    const kind = operator.toLowerCase();
    if (kind === 'stream' || kind === 'channel') {
      for (const s of rank(source.streams(), query, (s) => [s.name])) {
        out.push({
          key: `s${s.stream_id}`,
          label: `${head}${minus}stream:${quote(s.name)}`,
          detail: 'Stream',
          icon: '#',
        });
      }
    } else if (kind === 'topic') {
      const streamName = /stream:("([^"]+)"|\S+)/.exec(head);
      const streamId = streamName ? source.streamId(streamName[2] ?? streamName[1]) : undefined;
      const topics = streamId !== undefined ? source.topics(streamId) : [];
      for (const t of rank(topics, query, (t) => [t.name])) {
        out.push({
          key: `t${t.name}`,
          label: `${head}${minus}topic:${quote(t.name)}`,
          detail: 'Topic',
        });
      }
    } else {
      for (const u of rank(source.people(), query, (u) => [u.full_name, u.email])) {
        out.push({
          key: `u${u.user_id}`,
          label: `${head}${minus}${kind === 'from' ? 'sender' : kind}:${u.email}`,
          detail: u.full_name,
          icon: '@',
        });
      }
    }
    return out;
  }
  if (last !== '') {
    out.push({ key: 'text', label: text, detail: 'Search', icon: '⌕' });
    for (const o of OPERATORS.filter(
      (o) => o.text.startsWith(last.toLowerCase()) && o.text !== last,
    )) {
      out.push({ key: o.text, label: `${head}${o.text}`, detail: o.detail });
    }
    for (const s of rank(source.streams(), last, (s) => [s.name], 3)) {
      out.push({
        key: `s${s.stream_id}`,
        label: `${head}stream:${quote(s.name)}`,
        detail: 'Stream',
        icon: '#',
      });
    }
    for (const u of rank(source.people(), last, (u) => [u.full_name, u.email], 3)) {
      out.push({
        key: `u${u.user_id}`,
        label: `${head}sender:${u.email}`,
        detail: `Sent by ${u.full_name}`,
        icon: '@',
      });
    }
    return out.slice(0, 10);
  }
  return OPERATORS.slice(0, 7).map((o) => ({
    key: o.text,
    label: `${head}${o.text}`,
    detail: o.detail,
  }));
}
