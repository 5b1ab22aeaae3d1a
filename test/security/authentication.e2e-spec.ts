import * as crypto from 'node:crypto';
import { startTestServer, TestServer, TestUser } from '../helpers/test-server';

jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  return { ...actual, pbkdf2: jest.fn(actual.pbkdf2) };
});

const pbkdf2 = crypto.pbkdf2 as unknown as jest.Mock;

/*
 * Security class "authentication": `fetch_api_key` must not tell which emails have accounts,
 * neither by its answer nor by its cost (an unknown email used to answer in a few milliseconds,
 * a wrong password for a real account after a full password hash).
 */
describe('security: authentication does not reveal who has an account', () => {
  let server: TestServer;
  let alice: TestUser;

  beforeAll(async () => {
    server = await startTestServer();
    alice = await server.createUser({ fullName: 'Alice' });
  });

  afterAll(() => server.stop());

  /** Status, body and the password-hash work of one attempt. */
  async function attempt(username: string) {
    pbkdf2.mockClear();
    const res = await server
      .client()
      .post('/fetch_api_key', { username, password: 'not the password at all' });
    return {
      status: res.status,
      body: res.body,
      hashes: pbkdf2.mock.calls.map((call: unknown[]) => call[2] as number),
    };
  }

  it('answers an unknown email exactly as a wrong password, after the same hashing work', async () => {
    const bot = await server.client(alice).post('/bots', {
      full_name: 'Quiet Bot',
      short_name: 'quiet',
      bot_type: 1,
    });
    const known = await attempt(alice.email);
    const unknown = await attempt('nobody-here@example.com');
    const botRow = await server.db.one<{ email: string }>('SELECT email FROM users WHERE id = $1', [
      bot.body.user_id,
    ]);
    const botLogin = await attempt(botRow!.email);
    expect(known).toMatchObject({ status: 401, body: { code: 'AUTHENTICATION_FAILED' } });
    expect(known.hashes).toHaveLength(1);
    expect(unknown).toEqual(known);
    expect(botLogin).toEqual(known);
  });
});
