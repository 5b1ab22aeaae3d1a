/**
 * Splits `<realm id>/<rest>` (the part of a URL after `/user_uploads/`) into the realm id and
 * the rest, percent-decoded; null for anything else.
 */
export function parseUploadPath(raw: string): { realmId: number; pathId: string } | null {
  const match = /^(\d{1,9})\/(.+)$/.exec(raw);
  if (!match) return null;
  let rest: string;
  try {
    rest = match[2]
      .split('/')
      .map((part) => decodeURIComponent(part))
      .join('/');
  } catch {
    return null;
  }
  if (rest.split('/').some((part) => part === '' || part === '.' || part === '..')) return null;
  return { realmId: Number(match[1]), pathId: rest };
}
