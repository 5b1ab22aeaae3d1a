import { CommanderError, type Command } from 'commander';
import type { CliContext } from '../cli-context';
import { request, type HttpAnswer } from '../http-request';

/**
 * sysexits(3) codes, which Postfix's pipe transport turns into a bounce (permanent) or a
 * deferral (tried again later).
 */
export const SYSEXITS = {
  ok: 0,
  /** The email cannot be used (malformed, too large): bounced. */
  dataError: 65,
  /** No channel has that address: bounced ("user unknown"). */
  noUser: 67,
  /** The server is unreachable, overloaded or failing: deferred, delivered later. */
  tempFail: 75,
  /** The organization turned the gateway off: bounced. */
  noPermission: 77,
  /** This installation's gateway settings are wrong or missing: deferred until fixed. */
  config: 78,
} as const;

/** The exit code for the server's answer to the intake. */
export function exitCodeFor(status: number): number {
  if (status === 200) return SYSEXITS.ok;
  if (status === 404) return SYSEXITS.noUser;
  if (status === 401) return SYSEXITS.config;
  if (status === 403) return SYSEXITS.noPermission;
  if (status === 429 || status >= 500 || status === 0) return SYSEXITS.tempFail;
  return SYSEXITS.dataError;
}

async function readStdin(maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += bytes.length;
    // Read on past the limit (the sender must not block), keep nothing more.
    if (size <= maxBytes) chunks.push(bytes);
  }
  return size > maxBytes ? undefined : Buffer.concat(chunks);
}

function message(answer: HttpAnswer): string {
  try {
    const body = JSON.parse(answer.body) as { msg?: unknown };
    if (typeof body.msg === 'string' && body.msg) return body.msg;
  } catch {
    // Not the server's envelope (a proxy's error page): the status says enough.
  }
  return `the server answered ${answer.status}`;
}

export function registerEmailMirrorCommands(program: Command, ctx: CliContext): void {
  program
    .command('email-mirror')
    .description(
      'Deliver one raw email (RFC 822, on stdin) to the channel its address names, as ' +
        "Postfix's pipe transport does; exits with sysexits codes (67: unknown address, " +
        '75: try again later, 65: unusable email)',
    )
    .option('-r, --recipient <address>', 'the envelope recipient (Postfix: ${original_recipient})')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { recipient?: string; json?: boolean }) => {
      const fail = (code: number, text: string): never => {
        process.stderr.write(`email-mirror: ${text}\n`);
        throw new CommanderError(code, 'email-mirror.failed', text);
      };
      const settings = ctx.config.emailGateway;
      if (!settings.pattern) fail(SYSEXITS.config, 'EMAIL_GATEWAY_PATTERN is not set');
      if (!settings.secret) fail(SYSEXITS.config, 'EMAIL_GATEWAY_SECRET is not set');
      const raw = await readStdin(settings.maxMessageBytes);
      if (!raw) {
        return fail(
          SYSEXITS.dataError,
          `the email is larger than EMAIL_GATEWAY_MAX_MESSAGE_BYTES (${settings.maxMessageBytes})`,
        );
      }
      const url = new URL('/api/internal/email_mirror_message', ctx.config.serverUrl);
      if (opts.recipient) url.searchParams.set('recipient', opts.recipient);
      let answer: HttpAnswer;
      try {
        answer = await request(url.toString(), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${settings.secret}`,
            'content-type': 'message/rfc822',
            'content-length': String(raw.length),
          },
          body: raw,
          timeoutMs: 60_000,
        });
      } catch (err) {
        return fail(
          SYSEXITS.tempFail,
          `the server at ${ctx.config.serverUrl} is unreachable: ${(err as Error).message}`,
        );
      }
      const code = exitCodeFor(answer.status);
      if (code !== SYSEXITS.ok) return fail(code, message(answer));
      const result = JSON.parse(answer.body) as { message_id: number; stream_id: number };
      ctx.print(
        !!opts.json,
        result,
        `Delivered as message ${result.message_id} in channel ${result.stream_id}`,
      );
    });
}
