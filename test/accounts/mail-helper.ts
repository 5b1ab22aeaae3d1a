import * as fs from 'node:fs';
import * as path from 'node:path';

/** Decodes the quoted-printable soft line breaks and escapes nodemailer may use in a body. */
function decodeQuotedPrintable(text: string): string {
  return text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Every mail the server wrote to DATA_DIR/mail for `to`, oldest first. */
export function mailsTo(dataDir: string, to: string): string[] {
  const dir = path.join(dataDir, 'mail');
  if (!fs.existsSync(dir)) return [];
  const safe = to.replace(/[^A-Za-z0-9@._-]/g, '_');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(`-${safe}.eml`))
    .sort()
    .map((f) => decodeQuotedPrintable(fs.readFileSync(path.join(dir, f), 'utf8')));
}

/** The confirmation key of the newest mail to `to`. */
export function lastConfirmationKey(dataDir: string, to: string): string {
  const mails = mailsTo(dataDir, to);
  const last = mails[mails.length - 1];
  const key = last && /\/accounts\/do_confirm\/([a-z0-9]+)/.exec(last)?.[1];
  if (!key) throw new Error(`no confirmation mail for ${to}`);
  return key;
}

/**
 * Opens a confirmation link's page and posts its name and password form as a browser would (the
 * form's CSRF cookie and hidden token included). Answers the form's response.
 */
export async function submitConfirmForm(
  serverUrl: string,
  key: string,
  fields: { full_name: string; password: string },
): Promise<Response> {
  const page = await fetch(`${serverUrl}/accounts/do_confirm/${key}`);
  const html = await page.text();
  const token = /name="csrfmiddlewaretoken" value="([^"]+)"/.exec(html)?.[1];
  const cookie = /csrftoken=([^;]+)/.exec(page.headers.get('set-cookie') ?? '')?.[1];
  if (!token || !cookie) throw new Error(`no confirmation form at ${key} (${page.status})`);
  return fetch(`${serverUrl}/accounts/do_confirm/${key}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `csrftoken=${cookie}`,
    },
    body: new URLSearchParams({ ...fields, csrfmiddlewaretoken: token }).toString(),
  });
}
