import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { ServerMetrics } from '../metrics/server-metrics';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** The first http(s) link in a text, so the log line is enough to follow a confirmation mail. */
export function firstLink(text: string): string | null {
  return /https?:\/\/\S+/.exec(text)?.[0] ?? null;
}

/**
 * The one way the server sends mail. With SMTP_URL it goes out over SMTP; without it the message is
 * logged and written as an .eml file under DATA_DIR/mail/, so a developer can follow its link.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly smtp: Transporter | null;
  private written = 0;
  private readonly files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional() private readonly metrics?: ServerMetrics,
  ) {
    this.smtp = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  /** Where mail is written when no SMTP server is configured. */
  get outbox(): string {
    return path.join(this.config.dataDir, 'mail');
  }

  /** Sends one mail, counted in `mail_sent_total` and `mail_failures_total`. */
  async send(mail: OutgoingMail): Promise<void> {
    this.metrics?.mailSending.inc();
    try {
      await this.deliver(mail);
      this.metrics?.mailSent.inc();
    } catch (err) {
      this.metrics?.mailFailures.inc();
      this.logger.error(`Mail to ${mail.to} ("${mail.subject}") failed: ${(err as Error).message}`);
      throw err;
    } finally {
      this.metrics?.mailSending.dec();
    }
  }

  private async deliver(mail: OutgoingMail): Promise<void> {
    const message = { from: this.config.emailFrom, ...mail };
    if (this.smtp) {
      await this.smtp.sendMail(message);
      return;
    }
    const info = await this.files.sendMail(message);
    await fs.mkdir(this.outbox, { recursive: true });
    const safeTo = mail.to.replace(/[^A-Za-z0-9@._-]/g, '_');
    // The sequence number keeps two mails of one millisecond (a batch of notifications) apart.
    const seq = String(++this.written).padStart(6, '0');
    const file = path.join(this.outbox, `${Date.now()}-${seq}-${safeTo}.eml`);
    // Written aside and renamed: whoever reads the outbox never sees a mail half written.
    await fs.writeFile(`${file}.partial`, info.message as Buffer);
    await fs.rename(`${file}.partial`, file);
    const link = firstLink(mail.text);
    this.logger.log(
      `Mail to ${mail.to}: "${mail.subject}"${link ? ` ${link}` : ''} (written to ${file})`,
    );
  }
}
