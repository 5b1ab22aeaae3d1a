import { UsersService } from '../../apps/server/src/users/users.service';
import { Role } from '../../apps/server/src/identity/user.types';
import { startTestServer, TestServer } from '../helpers/test-server';

describe('granting permissions (manage knight)', () => {
  let server: TestServer;
  let service: UsersService;
  beforeAll(async () => {
    server = await startTestServer();
    service = server.app.get(UsersService);
  });
  afterAll(() => server.stop());

  it('lets the command line and admins make someone an administrator, and revoke it', async () => {
    const person = await server.createUser();
    const granted = await service.setPermission(null, person.row, 'administer', true);
    expect(granted.role).toBe(Role.Administrator);
    expect((await server.client(person).get('/users/me')).body.is_admin).toBe(true);
    const admin = await server.createUser({ role: Role.Administrator });
    const revoked = await service.setPermission(admin.row, granted, 'administer', false);
    expect(revoked.role).toBe(Role.Member);
    expect((await server.client(person).get('/users/me')).body.is_admin).toBe(false);
  });

  it('grants and revokes the API super user permission; members may not', async () => {
    const bridge = await server.createUser();
    const member = await server.createUser();
    await expect(
      service.setPermission(member.row, bridge.row, 'api_super_user', true),
    ).rejects.toMatchObject({ status: 403 });
    const knighted = await service.setPermission(
      server.owner.row,
      bridge.row,
      'api_super_user',
      true,
    );
    expect(knighted.is_api_super_user).toBe(true);
    const unknighted = await service.setPermission(null, knighted, 'api_super_user', false);
    expect(unknighted.is_api_super_user).toBe(false);
  });

  it('never demotes the last owner', async () => {
    await expect(
      service.setPermission(null, server.owner.row, 'administer', false),
    ).rejects.toMatchObject({ code: 'CANNOT_DEACTIVATE_LAST_USER' });
  });
});
