import { describe, expect, it } from 'vitest';
import { complete, rank, tokenAt } from './typeahead';

describe('tokenAt', () => {
  it('finds mentions, streams, topics and emoji at the cursor', () => {
    expect(tokenAt('hi @ali', 7)).toMatchObject({ kind: 'person', query: 'ali', start: 3 });
    expect(tokenAt('see #des', 8)).toMatchObject({ kind: 'stream', query: 'des', start: 4 });
    expect(tokenAt('see #**design>lo', 16)).toMatchObject({
      kind: 'topic',
      stream: 'design',
      query: 'lo',
    });
    expect(tokenAt('nice :tad', 9)).toMatchObject({ kind: 'emoji', query: 'tad', start: 5 });
  });

  it('ignores e-mail addresses, times and finished mentions', () => {
    expect(tokenAt('mail me@example', 15)).toBeNull();
    expect(tokenAt('at 10:30', 8)).toBeNull();
    expect(tokenAt('@**Alice** ', 11)).toBeNull();
  });
});

describe('rank and complete', () => {
  it('puts prefix matches first, then word starts, then substrings', () => {
    const names = ['Bob Alison', 'Alice', 'Malia'];
    expect(rank(names, 'ali', (n) => [n])).toEqual(['Alice', 'Bob Alison', 'Malia']);
  });

  it('replaces the token and places the cursor after the inserted text', () => {
    const token = tokenAt('hi @ali', 7)!;
    expect(complete('hi @ali', token, '@**Alice**')).toEqual({
      text: 'hi @**Alice** ',
      cursor: 14,
    });
  });
});
