import { loadConfig } from '@hub/config';
import { realm } from '../identity/identity.fixture';
import { realmAuthMethods, updatedAuthMethods } from './auth-methods';

describe('realm authentication methods', () => {
  const config = loadConfig({ DEV_MODE: 'true' });

  it('turns on what the server offers unless the realm turned it off', () => {
    expect(realmAuthMethods(realm({ authentication_methods: { Email: false } }), config)).toEqual({
      Email: false,
      Dev: true,
      RemoteUser: false,
      'OpenID Connect': false,
    });
  });

  it('keeps methods the request does not name, and forgets a method turned back on', () => {
    const before = realm({ authentication_methods: { Dev: false } });
    expect(updatedAuthMethods(before, config, { Email: false, Dev: true })).toEqual({
      Email: false,
    });
  });

  it('refuses to leave no way in', () => {
    expect(() => updatedAuthMethods(realm(), config, { Email: false, Dev: false })).toThrow(
      'At least one authentication method must be enabled.',
    );
    // A method the server does not offer does not count as a way in.
    const noDev = loadConfig({});
    expect(() => updatedAuthMethods(realm(), noDev, { Email: false })).toThrow(
      'At least one authentication method must be enabled.',
    );
  });
});
