import { createHash, createHmac } from 'node:crypto';
import {
  anyOf,
  hmacHeader,
  jwsHeader,
  SignatureError,
  SignedRequest,
  tokenHeader,
  tokenParam,
} from './verify';

const SECRET = 'It is a secret to everybody';
const body = Buffer.from('{"action":"opened"}');

function request(
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
): SignedRequest {
  const lowered: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) lowered[k.toLowerCase()] = v;
  return { rawBody: body, headers: lowered, query };
}

const hmac = (algorithm: string, secret: string, encoding: 'hex' | 'base64' = 'hex') =>
  createHmac(algorithm, secret).update(body).digest(encoding);

describe('signature checks', () => {
  it('checks an HMAC of the raw body, with or without a prefix, in hex of either case', () => {
    const github = hmacHeader({ header: 'X-Hub-Signature-256', prefix: 'sha256=' });
    expect(() =>
      github(SECRET, request({ 'X-Hub-Signature-256': `sha256=${hmac('sha256', SECRET)}` })),
    ).not.toThrow();
    expect(() =>
      github(
        SECRET,
        request({ 'X-Hub-Signature-256': `sha256=${hmac('sha256', SECRET).toUpperCase()}` }),
      ),
    ).not.toThrow();
    for (const bad of [`sha256=${hmac('sha256', 'other')}`, hmac('sha256', SECRET), 'sha256=zz']) {
      expect(() => github(SECRET, request({ 'X-Hub-Signature-256': bad }))).toThrow(SignatureError);
    }
    expect(() => github(SECRET, request())).toThrow('Missing X-Hub-Signature-256 header');

    const sonar = hmacHeader({ header: 'X-Sonar-Webhook-HMAC-SHA256' });
    expect(() =>
      sonar(SECRET, request({ 'x-sonar-webhook-hmac-sha256': hmac('sha256', SECRET) })),
    ).not.toThrow();
    const reviewboard = hmacHeader({
      header: 'X-Hub-Signature',
      algorithm: 'sha1',
      prefix: 'sha1=',
    });
    expect(() =>
      reviewboard(SECRET, request({ 'X-Hub-Signature': `sha1=${hmac('sha1', SECRET)}` })),
    ).not.toThrow();
    const base64 = hmacHeader({ header: 'Heroku-Webhook-Hmac-SHA256', encoding: 'base64' });
    expect(() =>
      base64(SECRET, request({ 'Heroku-Webhook-Hmac-SHA256': hmac('sha256', SECRET, 'base64') })),
    ).not.toThrow();
  });

  it('accepts any one of several signatures in a header that lists them', () => {
    const pagerduty = hmacHeader({
      header: 'X-PagerDuty-Signature',
      prefix: 'v1=',
      separator: ',',
    });
    const good = `v1=${hmac('sha256', SECRET)}`;
    const old = `v1=${hmac('sha256', 'old secret')}`;
    for (const value of [good, `${old},${good}`, `${good}, ${old}`]) {
      expect(() => pagerduty(SECRET, request({ 'X-PagerDuty-Signature': value }))).not.toThrow();
    }
    expect(() => pagerduty(SECRET, request({ 'X-PagerDuty-Signature': old }))).toThrow(
      SignatureError,
    );
  });

  it('compares a shared token in a header or the URL', () => {
    const gitlab = tokenHeader('X-Gitlab-Token');
    expect(() => gitlab(SECRET, request({ 'X-Gitlab-Token': SECRET }))).not.toThrow();
    expect(() => gitlab(SECRET, request({ 'X-Gitlab-Token': `${SECRET}!` }))).toThrow(
      SignatureError,
    );
    const bearer = tokenHeader('Authorization', { prefix: 'Bearer ' });
    expect(() => bearer(SECRET, request({ Authorization: `Bearer ${SECRET}` }))).not.toThrow();
    const param = tokenParam('secret');
    expect(() => param(SECRET, request({}, { secret: SECRET }))).not.toThrow();
    expect(() => param(SECRET, request({}, { secret: 'nope' }))).toThrow(SignatureError);
    expect(() => param(SECRET, request())).toThrow('Missing secret parameter');
  });

  it("checks Netlify's JSON Web Signature: key, issuer and the body's hash", () => {
    const jws = (claims: object, secret = SECRET) => {
      const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      const signature = createHmac('sha256', secret)
        .update(`${head}.${payload}`)
        .digest('base64url');
      return `${head}.${payload}.${signature}`;
    };
    const sha256 = createHash('sha256').update(body).digest('hex');
    const check = jwsHeader('X-Webhook-Signature', 'netlify');
    expect(() =>
      check(SECRET, request({ 'X-Webhook-Signature': jws({ iss: 'netlify', sha256 }) })),
    ).not.toThrow();
    for (const bad of [
      jws({ iss: 'netlify', sha256 }, 'other'),
      jws({ iss: 'someone', sha256 }),
      jws({ iss: 'netlify', sha256: sha256.replace(/^./, '0') }),
      'not.a-jws',
    ]) {
      expect(() => check(SECRET, request({ 'X-Webhook-Signature': bad }))).toThrow(SignatureError);
    }
  });

  it('passes anyOf when one check passes, and reports the first failure otherwise', () => {
    const either = anyOf(tokenHeader('X-A'), tokenHeader('X-B'));
    expect(() => either(SECRET, request({ 'X-B': SECRET }))).not.toThrow();
    expect(() => either(SECRET, request())).toThrow('Missing X-A header');
  });
});
