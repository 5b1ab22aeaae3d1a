import { extractReferences } from './references';

describe('extractReferences', () => {
  it('lists the names and ids a message refers to, for prefetching', () => {
    expect(
      extractReferences(
        '@**Ada Lovelace** @_**Sam|8** @*backend* @_*ops* #**design>logo** #**general** :smile: :green_tick:',
      ),
    ).toEqual({
      userNames: ['Ada Lovelace'],
      userIds: [8],
      groupNames: ['backend', 'ops'],
      streamNames: ['design', 'general'],
      emojiNames: ['smile', 'green_tick'],
    });
  });

  it('finds nothing in plain text', () => {
    expect(extractReferences('hello world')).toEqual({
      userNames: [],
      userIds: [],
      groupNames: [],
      streamNames: [],
      emojiNames: [],
    });
  });
});
