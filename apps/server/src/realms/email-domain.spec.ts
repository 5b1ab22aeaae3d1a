import { emailDomainAllowed, normaliseDomain } from './email-domain';

describe('realm email domains', () => {
  const domains = [
    { domain: 'example.com', allow_subdomains: false },
    { domain: 'corp.org', allow_subdomains: true },
  ];

  it('admits exact domains, case-insensitively', () => {
    expect(emailDomainAllowed('Ann@Example.COM', domains)).toBe(true);
    expect(emailDomainAllowed('ann@other.com', domains)).toBe(false);
  });

  it('admits subdomains only where the domain allows them', () => {
    expect(emailDomainAllowed('ann@mail.example.com', domains)).toBe(false);
    expect(emailDomainAllowed('ann@eu.mail.corp.org', domains)).toBe(true);
    expect(emailDomainAllowed('ann@evilcorp.org', domains)).toBe(false);
  });

  it('refuses addresses without a domain', () => {
    expect(emailDomainAllowed('ann', domains)).toBe(false);
  });

  it('normalises domains and rejects malformed ones with a reason', () => {
    expect(normaliseDomain(' Example.COM ')).toEqual({ domain: 'example.com' });
    expect(normaliseDomain('')).toEqual({ error: "Domain can't be empty." });
    expect(normaliseDomain('no_underscores.com')).toHaveProperty('error');
    expect(normaliseDomain('localhost')).toHaveProperty('error');
  });
});
