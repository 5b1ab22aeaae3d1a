import { AnomalousPayloadError } from '../core/payload';
import { deliverWith, describeFixtures, webhookInput } from '../core/testing';
import { SHARED_FIXTURES } from './codeship.expectations';
import { codeshipIntegration as codeship } from './codeship.handler';

describeFixtures('Codeship on the captured fixtures in ../shared', SHARED_FIXTURES);

describe('Codeship', () => {
  it('refuses a build without its URL as an anomalous payload', () => {
    const input = webhookInput({ build: { project_name: 'a/b', status: 'success' } });
    expect(() => deliverWith(codeship)(input)).toThrow(AnomalousPayloadError);
  });

  it('names the branch for the branches filter', () => {
    expect(codeship.branchOf?.(webhookInput({ build: { branch: 'main' } }))).toBe('main');
  });
});
