import { createHmac } from 'node:crypto';
import { describeFixtures } from '../core/testing';
import { SHARED_FIXTURES } from './sonarqube.expectations';
import { sonarqubeIntegration as sonarqube } from './sonarqube.handler';

describeFixtures('SonarQube on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('SonarQube', () => {
  it("checks SonarQube's X-Sonar-Webhook-HMAC-SHA256", () => {
    const rawBody = Buffer.from('{"status":"SUCCESS"}');
    const digest = createHmac('sha256', 'shh').update(rawBody).digest('hex');
    const check = (value: string) => () =>
      sonarqube.verify?.('shh', {
        rawBody,
        headers: { 'x-sonar-webhook-hmac-sha256': value },
        query: {},
      });
    expect(check(digest)).not.toThrow();
    expect(check('0'.repeat(64))).toThrow();
  });
});
