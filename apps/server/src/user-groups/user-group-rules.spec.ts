import { Role } from '../identity/user.types';
import { checkGroupName, mayManageGroup, requireMayCreateGroup } from './user-group-rules';

describe('user group rules', () => {
  it('trims names and refuses empty, long, role-like and mention-breaking ones', () => {
    expect(checkGroupName('  backend ')).toBe('backend');
    expect(() => checkGroupName('   ')).toThrow("can't be empty");
    expect(() => checkGroupName('x'.repeat(101))).toThrow('cannot exceed 100');
    expect(() => checkGroupName('role:members')).toThrow("cannot start with 'role:'");
    expect(() => checkGroupName('a*b')).toThrow("cannot contain '*'");
  });

  it('lets admins and moderators manage any group, members only their own, guests none', () => {
    expect(mayManageGroup({ id: 1, role: Role.Administrator }, [])).toBe(true);
    expect(mayManageGroup({ id: 1, role: Role.Moderator }, [])).toBe(true);
    expect(mayManageGroup({ id: 1, role: Role.Member }, [2])).toBe(false);
    expect(mayManageGroup({ id: 1, role: Role.Member }, [1, 2])).toBe(true);
    expect(mayManageGroup({ id: 1, role: Role.Guest }, [1])).toBe(false);
    expect(() => requireMayCreateGroup({ role: Role.Guest })).toThrow('Not allowed for guest');
    expect(() => requireMayCreateGroup({ role: Role.Member })).not.toThrow();
  });
});
