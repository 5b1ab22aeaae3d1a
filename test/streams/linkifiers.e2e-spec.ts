import { LinkifiersService } from '../../apps/server/src/linkifiers/linkifiers.service';
import { expandUrlTemplate } from '../../apps/server/src/linkifiers/linkifier-rules';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';
import { fails, ok, queues, receive } from '../api/api-fixtures';
import { expectError, expectSuccess } from './stream-helpers';

describe('realm linkifiers', () => {
  let server: TestServer;
  let admin: TestUser;
  let member: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await server.createUser({ role: Role.Administrator });
    member = await server.createUser();
  });
  afterAll(() => server.stop());

  it('adds, lists (both formats), edits and removes a linkifier', async () => {
    const client = server.client(admin);
    const added = await client.post('/realm/filters', {
      pattern: '#(?P<id>[0-9]+)',
      url_template: 'https://github.com/zulip/zulip/issues/{id}',
    });
    expectSuccess(added);
    const id = added.body.id as number;
    expect(typeof id).toBe('number');

    const list = await server.client(member).get('/realm/linkifiers');
    expect(list.body.linkifiers).toEqual([
      {
        id,
        pattern: '#(?P<id>[0-9]+)',
        url_template: 'https://github.com/zulip/zulip/issues/{id}',
      },
    ]);
    const legacy = await server.client(member).get('/realm/filters');
    expect(legacy.body.filters).toEqual([
      ['#(?P<id>[0-9]+)', 'https://github.com/zulip/zulip/issues/{id}', id],
    ]);

    expectSuccess(
      await client.patch(`/realm/filters/${id}`, {
        pattern: 'JIRA-(?P<key>[A-Z]+-[0-9]+)',
        url_template: 'https://jira.example.com/browse/{key}',
      }),
    );
    const compiled = await server.app.get(LinkifiersService).compiled(server.realm.id);
    expect(compiled).toHaveLength(1);
    const match = compiled[0].pattern.exec('see JIRA-ABC-12 now');
    expect(expandUrlTemplate(compiled[0].urlTemplate, match?.groups ?? {})).toBe(
      'https://jira.example.com/browse/ABC-12',
    );

    expectSuccess(await client.delete(`/realm/filters/${id}`));
    expect((await client.get('/realm/linkifiers')).body.linkifiers).toEqual([]);
    expectError(await client.delete(`/realm/filters/${id}`), 400, 'Linkifier not found.');
    expectError(
      await client.patch('/realm/filters/999999', {
        pattern: 'x(?P<a>y)',
        url_template: 'https://e.example/{a}',
      }),
      400,
      'Linkifier not found.',
    );
  });

  it('accepts the legacy url_format_string', async () => {
    const res = await server
      .client(admin)
      .post(
        '/realm/filters',
        { pattern: 'T(?P<n>[0-9]+)', url_format_string: 'https://trac.example.com/ticket/%(n)s' },
        'multipart',
      );
    expectSuccess(res);
    const list = await server.client(admin).get('/realm/linkifiers');
    expect(list.body.linkifiers).toContainEqual({
      id: res.body.id,
      pattern: 'T(?P<n>[0-9]+)',
      url_template: 'https://trac.example.com/ticket/{n}',
    });
  });

  it.each([
    ['a bad regex', '#(?P<id>[0-9+', 'https://x.example/{id}', /^Bad regular expression: /],
    ['a regex that could hang', '(?P<id>(a+)+)b', 'https://x.example/{id}', /too long to match/],
    ['an overlong pattern', `(?P<id>${'a'.repeat(1000)})`, 'https://x.example/{id}', /limit: 1000/],
    ['an unknown variable', '#(?P<id>[0-9]+)', 'https://x.example/{num}', /Group "num"/],
    ['a non-http template', '#(?P<id>[0-9]+)', 'javascript:alert({id})', /http\(s\) URL/],
    ['a relative template', '#(?P<id>[0-9]+)', '/issues/{id}', /http\(s\) URL/],
  ])('refuses %s with a clear 400', async (_what, pattern, template, msg) => {
    const res = await server
      .client(admin)
      .post('/realm/filters', { pattern, url_template: template });
    expectError(res, 400, msg);
    expect(res.body.code).toBe('BAD_REQUEST');
  });

  it('requires a template and an administrator', async () => {
    expectError(
      await server.client(admin).post('/realm/filters', { pattern: '#(?P<id>[0-9]+)' }),
      400,
      "Missing 'url_template' argument",
    );
    expectError(
      await server.client(member).post('/realm/filters', {
        pattern: 'M(?P<id>[0-9]+)',
        url_template: 'https://x.example/{id}',
      }),
      400,
      'Must be an organization administrator',
    );
    const ownList = await server.client(admin).get('/realm/linkifiers');
    const id = (ownList.body.linkifiers as Array<{ id: number }>)[0].id;
    expectError(
      await server.client(member).delete(`/realm/filters/${id}`),
      400,
      'Must be an organization administrator',
    );
  });

  it('offers list/add/remove to the CLI without an acting user', async () => {
    const service = server.app.get(LinkifiersService);
    const row = await service.add(
      server.realm.id,
      'CVE-(?P<id>[0-9-]+)',
      'https://cve.example/{id}',
    );
    expect((await service.list(server.realm.id)).map((r) => r.id)).toContain(row.id);
    await expect(
      service.add(server.realm.id, 'CVE-(?P<id>[0-9-]+)', 'https://cve.example/{id}'),
    ).rejects.toThrow('Linkifier with this pattern already exists.');
    await service.remove(server.realm.id, row.id);
    expect((await service.list(server.realm.id)).map((r) => r.id)).not.toContain(row.id);
  });

  it('reorders linkifiers (administrators only): the first match wins, every client hears', async () => {
    const admins = server.client(admin);
    for (const id of (await ok(admins.get('/realm/linkifiers'))).linkifiers as Array<{
      id: number;
    }>) {
      await ok(admins.delete(`/realm/filters/${id.id}`));
    }
    const generic = (
      await ok(
        admins.post('/realm/filters', {
          pattern: 'T(?P<id>[0-9]+)',
          url_template: 'https://tickets.example/{id}',
        }),
      )
    ).id as number;
    const specific = (
      await ok(
        admins.post('/realm/filters', {
          pattern: 'T1(?P<id>[0-9]+)',
          url_template: 'https://legacy.example/{id}',
        }),
      )
    ).id as number;
    const render = async () =>
      (await ok(server.client(member).post('/messages/render', { content: 'see T123' })))
        .rendered as string;
    expect(await render()).toContain('https://tickets.example/123');

    const [memberQ] = await queues(server, ['realm_linkifiers'], member);
    await fails(
      server
        .client(member)
        .patch('/realm/linkifiers', { ordered_linkifier_ids: [specific, generic] }),
      400,
      'Must be an organization administrator',
    );
    await ok(admins.patch('/realm/linkifiers', { ordered_linkifier_ids: [specific, generic] }));
    const [event] = await receive(memberQ, 1);
    expect(event).toMatchObject({
      type: 'realm_linkifiers',
      realm_linkifiers: [{ id: specific }, { id: generic }],
    });
    const listed = (await ok(server.client(member).get('/realm/linkifiers'))).linkifiers;
    expect((listed as Array<{ id: number }>).map((l) => l.id)).toEqual([specific, generic]);
    expect(await render()).toContain('https://legacy.example/23');

    await fails(
      admins.patch('/realm/linkifiers', { ordered_linkifier_ids: [specific, specific] }),
      400,
      'The ordered list must not contain duplicated linkifiers',
    );
    await fails(
      admins.patch('/realm/linkifiers', { ordered_linkifier_ids: [specific] }),
      400,
      'The ordered list must enumerate all existing linkifiers exactly once',
    );
    await fails(
      admins.patch('/realm/linkifiers', { ordered_linkifier_ids: [specific, generic, 987654] }),
      400,
      'The ordered list must enumerate all existing linkifiers exactly once',
    );
    await fails(
      admins.patch('/realm/linkifiers', {}),
      400,
      "Missing 'ordered_linkifier_ids' argument",
    );
  });
});
