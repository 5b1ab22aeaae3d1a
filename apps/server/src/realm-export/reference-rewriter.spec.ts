import { ReferenceKind, rewriteReferences } from './reference-rewriter';

const maps: Record<ReferenceKind, Record<string, string>> = {
  users: { '7': '107', '8': '108' },
  streams: { '3': '303' },
  user_groups: { '2': '202' },
  messages: { '55': '555' },
  uploads: { '1/ab/cat.png': '9/ab/cat.png' },
};
const rewrite = (text: string) => rewriteReferences(text, (kind, old) => maps[kind][old]);

describe('rewriteReferences', () => {
  it('renames ids in mention, group and stream markup', () => {
    expect(
      rewrite(
        '<span class="user-mention" data-user-id="7">@Iago</span> ' +
          '<span class="user-group-mention" data-user-group-id="2">@devs</span> ' +
          '<a class="stream" data-stream-id="3" href="/#narrow/channel/3-design">#design</a>',
      ),
    ).toBe(
      '<span class="user-mention" data-user-id="107">@Iago</span> ' +
        '<span class="user-group-mention" data-user-group-id="202">@devs</span> ' +
        '<a class="stream" data-stream-id="303" href="/#narrow/channel/303-design">#design</a>',
    );
  });

  it('renames ids in raw mention syntax, narrow links and upload links', () => {
    expect(rewrite('hi @**Iago|7** and @_**Iago|7**')).toBe('hi @**Iago|107** and @_**Iago|107**');
    expect(rewrite('/#narrow/stream/3-design/topic/x/near/55')).toBe(
      '/#narrow/stream/303-design/topic/x/near/555',
    );
    expect(rewrite('/#narrow/dm/7,8-group')).toBe('/#narrow/dm/107,108-group');
    expect(rewrite('[cat](/user_uploads/1/ab/cat.png)')).toBe('[cat](/user_uploads/9/ab/cat.png)');
  });

  it('leaves references it cannot map, and ordinary numbers, alone', () => {
    expect(rewrite('data-user-id="99" and 7 apples at #narrow/dm/7,99-x')).toBe(
      'data-user-id="99" and 7 apples at #narrow/dm/7,99-x',
    );
    expect(rewrite('/user_uploads/2/zz/other.pdf')).toBe('/user_uploads/2/zz/other.pdf');
  });
});
