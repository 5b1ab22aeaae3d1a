import * as querystring from 'node:querystring';
import { flatten } from '../../common/params.middleware';
import { plainQuery } from './plain-query';

/** What the general path reads from `query`. */
function general(query: string): Record<string, string> {
  const params: Record<string, string> = {};
  flatten(querystring.parse(query), params);
  return params;
}

describe('plainQuery', () => {
  it.each([
    'queue_id=1700000000:12&last_event_id=41',
    'queue_id=abc',
    'queue_id=abc&dont_block=true&last_event_id=-1',
    'queue_id=&last_event_id=3',
    'queue_id=a=b',
  ])('reads %s as querystring does', (query) => {
    expect(plainQuery(query)).toEqual(general(query));
  });

  it.each([
    ['empty', ''],
    ['escapes', 'queue_id=a%3Ab'],
    ['plus for space', 'queue_id=a+b'],
    ['a repeated name', 'queue_id=a&queue_id=b'],
    ['a name without a value', 'queue_id&last_event_id=1'],
    ['an empty name', '=1&queue_id=a'],
    ['a trailing ampersand', 'queue_id=a&'],
    ['two ampersands', 'queue_id=a&&last_event_id=1'],
    ['a prototype name', '__proto__=x&queue_id=a'],
  ])('leaves %s to querystring', (_what, query) => {
    expect(plainQuery(query)).toBeNull();
  });

  it('never answers differently from querystring', () => {
    const parts = ['queue_id=a', 'last_event_id=1', '=', '&', 'x', '%20', '+', 'queue_id=b'];
    for (let i = 0; i < 2000; i++) {
      const query = Array.from({ length: 1 + (i % 5) }, (_, k) => parts[(i * 7 + k * 3) % 8]).join(
        '',
      );
      const plain = plainQuery(query);
      if (plain) expect(plain).toEqual(general(query));
    }
  });
});
