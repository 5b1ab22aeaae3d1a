import * as fs from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { ZulipClient } from './client';
import { ZulipNetworkError } from './errors';

// A self-signed certificate for 127.0.0.1, made for these tests only (valid until 2126).
const certFile = path.join(__dirname, 'testing', 'tls', 'server-cert.pem');
const keyFile = path.join(__dirname, 'testing', 'tls', 'server-key.pem');

describe('TLS settings', () => {
  let server: https.Server;
  let site: string;
  const clients: ZulipClient[] = [];
  const clientWith = (options: {
    insecure?: boolean;
    certBundle?: string;
    env?: Record<string, string>;
  }) => {
    const client = new ZulipClient({
      email: 'bot@example.com',
      apiKey: 'key',
      site,
      logger: null,
      ...options,
      env: { HOME: '/nonexistent', ...options.env },
    });
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    server = https.createServer(
      { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) },
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            result: 'success',
            msg: '',
            zulip_version: '8.0',
            zulip_feature_level: 237,
          }),
        );
      },
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    site = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const client of clients) client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('refuses a certificate it cannot verify', async () => {
    const error = await clientWith({})
      .serverSettings()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZulipNetworkError);
    expect(error).toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
  });

  it('trusts a certificate from the bundle', async () => {
    await expect(clientWith({ certBundle: certFile }).serverSettings()).resolves.toMatchObject({
      zulip_version: '8.0',
    });
  });

  it('skips verification when insecure, from the option or ZULIP_ALLOW_INSECURE', async () => {
    await expect(clientWith({ insecure: true }).serverSettings()).resolves.toMatchObject({
      result: 'success',
    });
    await expect(
      clientWith({ env: { ZULIP_ALLOW_INSECURE: 'true' } }).serverSettings(),
    ).resolves.toMatchObject({ result: 'success' });
  });

  it('presents a client certificate to a server that demands one', async () => {
    const pem = { cert: fs.readFileSync(certFile), key: fs.readFileSync(keyFile) };
    const strict = https.createServer(
      { ...pem, ca: pem.cert, requestCert: true, rejectUnauthorized: true },
      (req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: 'success', msg: '', peer: 'verified' }));
      },
    );
    await new Promise<void>((resolve) => strict.listen(0, '127.0.0.1', resolve));
    const strictSite = `https://127.0.0.1:${(strict.address() as AddressInfo).port}`;
    try {
      const connect = (cert: { clientCert?: string; clientCertKey?: string }) => {
        const client = new ZulipClient({
          email: 'bot@example.com',
          apiKey: 'key',
          site: strictSite,
          certBundle: certFile,
          env: { HOME: '/nonexistent' },
          ...cert,
        });
        clients.push(client);
        return client;
      };
      const refused = await connect({})
        .call('GET', 'users/me')
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ZulipNetworkError);
      const withCert = connect({ clientCert: certFile, clientCertKey: keyFile });
      await expect(withCert.call('GET', 'users/me')).resolves.toMatchObject({ peer: 'verified' });
    } finally {
      strict.closeAllConnections();
      await new Promise((resolve) => strict.close(resolve));
    }
  });
});
