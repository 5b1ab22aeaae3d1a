import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectionRules, isPrivateAddress, PrivateAddressError } from './network-guard';
import { MAX_ANSWER_BYTES, postOnce } from '../bot-runtimes/outgoing-http';
import { AnswerTooLargeError } from './guarded-fetch';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    'not an address',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('connectionRules', () => {
  it('refuses a private IP literal at once, unless its host is allowed', () => {
    expect(connectionRules('127.0.0.1', new Set()).refused).toBeInstanceOf(PrivateAddressError);
    expect(connectionRules('[::1]', new Set()).refused).toBeInstanceOf(PrivateAddressError);
    expect(connectionRules('127.0.0.1', new Set(['127.0.0.1']))).toEqual({});
    expect(connectionRules('8.8.8.8', new Set())).toEqual({});
  });

  it('refuses a name that resolves to a private address when connecting', (done) => {
    const { lookup } = connectionRules('localhost', new Set());
    expect(lookup).toBeDefined();
    lookup?.('localhost', { all: true }, (err) => {
      expect(err).toBeInstanceOf(PrivateAddressError);
      expect(err?.message).toMatch(/^localhost is on a private network address/);
      done();
    });
  });
});

describe('postOnce', () => {
  let server: http.Server;
  let url: URL;
  let requests = 0;
  let answer = '{"content":"hi"}';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests++;
      req.resume();
      req.on('end', () => res.end(answer));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = new URL(`http://localhost:${(server.address() as AddressInfo).port}/hook`);
  });
  afterAll(() => new Promise((r) => server.close(r)));

  it('never reaches a refused host, and reaches it once it is allowed', async () => {
    await expect(postOnce(url, {}, '{}', 5000, new Set())).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    expect(requests).toBe(0);
    await expect(postOnce(url, {}, '{}', 5000, new Set(['localhost']))).resolves.toEqual({
      status: 200,
      body: '{"content":"hi"}',
    });
    expect(requests).toBe(1);
  });

  it('does not reuse connections the rest of the process opened', async () => {
    // A pooled socket to the same host from the global agent must not carry a refused call.
    await new Promise<void>((resolve, reject) =>
      http
        .request(url, { method: 'POST', agent: http.globalAgent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
        .on('error', reject)
        .end('{}'),
    );
    const before = requests;
    await expect(postOnce(url, {}, '{}', 5000, new Set())).rejects.toBeInstanceOf(
      PrivateAddressError,
    );
    expect(requests).toBe(before);
  });

  it('refuses an answer larger than the limit', async () => {
    answer = 'x'.repeat(MAX_ANSWER_BYTES + 1);
    await expect(postOnce(url, {}, '{}', 5000, new Set(['localhost']))).rejects.toBeInstanceOf(
      AnswerTooLargeError,
    );
    answer = '{"content":"hi"}';
  });
});
