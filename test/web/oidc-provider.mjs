// A real OpenID Connect provider (oidc-provider) for the sign-in suite, run in its own process:
// `node oidc-provider.mjs <port> <client id> <client secret> <redirect uri>`. Any login name is
// accepted on its development sign-in page and becomes the account's verified e-mail address.
import * as http from 'node:http';
import { Provider } from 'oidc-provider';

const [port, clientId, clientSecret, redirectUri] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  findAccount: (_ctx, sub) => ({
    accountId: sub,
    claims: () => ({ sub, email: sub, email_verified: true, name: 'Oidc Person' }),
  }),
  cookies: { keys: ['a-cookie-signing-key-for-the-test-provider'] },
  features: { devInteractions: { enabled: true } },
});
const server = http.createServer(provider.callback());
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
