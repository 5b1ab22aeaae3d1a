import type { RealmDomain } from '../identity/realm.types';

/** The lower-cased domain part of an address ('' when there is none). */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase();
}

/** Whether `email` belongs to one of the realm's domains (subdomains only where allowed). */
export function emailDomainAllowed(
  email: string,
  domains: Pick<RealmDomain, 'domain' | 'allow_subdomains'>[],
): boolean {
  const domain = emailDomain(email);
  if (!domain) return false;
  return domains.some(
    (d) => domain === d.domain || (d.allow_subdomains && domain.endsWith(`.${d.domain}`)),
  );
}

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Validates a domain as an owner types it; returns the normalised form or a reason. */
export function normaliseDomain(raw: string): { domain: string } | { error: string } {
  const domain = raw.trim().toLowerCase();
  if (!domain) return { error: "Domain can't be empty." };
  if (domain.length > 255) return { error: 'Domain is too long.' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) {
    return { error: `Invalid domain: ${raw}` };
  }
  return { domain };
}
