import { describe, expect, it } from 'vitest';
import type { Person, StreamInfo } from './model';
import { searchSuggestions, type SearchSource } from './search-suggestions';

function stream(stream_id: number, name: string): StreamInfo {
  return {
    stream_id,
    name,
    description: '',
    invite_only: false,
    subscribed: true,
    color: '#ccc',
    is_muted: false,
    pin_to_top: false,
  };
}

function person(user_id: number, full_name: string, email: string): Person {
  return { user_id, full_name, email, is_bot: false, is_active: true };
}

const streams = [stream(1, 'design'), stream(2, 'design team'), stream(3, 'random')];
const source: SearchSource = {
  streams: () => streams,
  topics: (id) => (id === 1 ? [{ name: 'launch plan' }, { name: 'logo' }] : []),
  people: () => [person(7, 'Alice Liddell', 'alice@example.com')],
  streamId: (name) => streams.find((s) => s.name === name)?.stream_id,
};

const labels = (text: string) => searchSuggestions(text, source).map((s) => s.label);

describe('searchSuggestions', () => {
  it('lists the operators for an empty search', () => {
    expect(labels('')).toEqual(expect.arrayContaining(['is:starred', 'is:mentioned', 'has:link']));
  });

  it('completes an operator being typed, keeping what came before', () => {
    expect(labels('needle is:st')).toEqual(expect.arrayContaining(['needle is:starred']));
    expect(labels('has:')).toEqual(expect.arrayContaining(['has:image', 'has:attachment']));
  });

  it('offers streams (quoted when they have spaces), topics of the chosen stream and people', () => {
    expect(labels('stream:des')).toEqual(['stream:design', 'stream:"design team"']);
    expect(labels('stream:design topic:l').sort()).toEqual([
      'stream:design topic:"launch plan"',
      'stream:design topic:logo',
    ]);
    expect(labels('sender:ali')).toEqual(['sender:alice@example.com']);
    expect(labels('-dm:ali')).toEqual(['-dm:alice@example.com']);
  });

  it('puts the plain text search first, then the streams and people a bare word matches', () => {
    const items = labels('ali');
    expect(items[0]).toBe('ali');
    expect(items).toContain('sender:alice@example.com');
    expect(labels('rand')).toContain('stream:random');
  });
});
