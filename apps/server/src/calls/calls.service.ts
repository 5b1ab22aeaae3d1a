import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@hub/config';
import { APP_CONFIG } from '../config/config.module';
import { guardedFetch } from '../common/guarded-fetch';
import { ZulipError } from '../common/zulip-error';
import { Database } from '../database/database.service';
import { serverSecret } from '../database/server-secrets';
import type { User } from '../identity/user.types';
import { bbbCallUrl, bbbField } from './bigbluebutton';

/** What the join link carries, signed so no one can point it at another meeting. */
interface SignedMeeting {
  meeting_id: string;
  name: string;
  moderator: string;
  lock_settings_disable_cam: boolean;
  realm_id: number;
}

const BBB_TIMEOUT_MS = 10_000;
const BBB_MAX_ANSWER_BYTES = 1024 * 1024;

/** Video calls on the configured BigBlueButton server, as Zulip's integration makes them. */
@Injectable()
export class CallsService {
  private signingKey?: Promise<Buffer>;

  constructor(
    private readonly db: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private settings(): { url: string; secret: string } {
    const settings = this.config.bigBlueButton;
    if (!settings) throw ZulipError.badRequest('BigBlueButton is not configured.');
    return settings;
  }

  /**
   * `GET /calls/bigbluebutton/create`: a link to this server's join endpoint for a new meeting
   * (nothing is created on BigBlueButton until someone follows it). Every participant joins as
   * a moderator with the meeting's password, which only the signed link carries.
   */
  async createBigBlueButtonUrl(
    user: User,
    meetingName: string,
    voiceOnly: boolean,
  ): Promise<string> {
    this.settings();
    const meeting: SignedMeeting = {
      meeting_id: `zulip-${randomInt(100_000_000_000, 999_999_999_999)}`,
      name: meetingName,
      moderator: randomBytes(20).toString('base64url'),
      lock_settings_disable_cam: voiceOnly,
      realm_id: user.realm_id,
    };
    const signed = await this.sign(meeting);
    return `/calls/bigbluebutton/join?${new URLSearchParams({ bigbluebutton: signed })}`;
  }

  /**
   * `GET /calls/bigbluebutton/join`: creates the meeting on BigBlueButton (its `create` is
   * idempotent for a meeting that is running) and answers the signed `join` URL for `user`.
   */
  async joinBigBlueButtonUrl(user: User, signed: string): Promise<string> {
    const { url, secret } = this.settings();
    const meeting = await this.verify(signed);
    if (!meeting || meeting.realm_id !== user.realm_id) {
      throw ZulipError.badRequest('Invalid signature.');
    }
    const createUrl = bbbCallUrl(
      url,
      'create',
      [
        ['meetingID', meeting.meeting_id],
        ['name', meeting.name],
        ['moderatorPW', meeting.moderator],
        // The API wants a second password; everyone joins with the moderator's, so this one is
        // derived from it and long enough not to be guessed.
        ['attendeePW', meeting.moderator.slice(0, 16)],
        ['lockSettingsDisableCam', meeting.lock_settings_disable_cam ? 'true' : 'false'],
      ],
      secret,
    );
    let xml: string;
    try {
      const fetch = guardedFetch({
        allowedHosts: new Set([new URL(url).hostname.replace(/^\[|\]$/g, '').toLowerCase()]),
        timeoutMs: BBB_TIMEOUT_MS,
        maxBytes: BBB_MAX_ANSWER_BYTES,
      });
      const res = await fetch(createUrl);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      xml = await res.text();
    } catch {
      throw new ZulipError('BAD_REQUEST', 'Error connecting to the BigBlueButton server.', 502);
    }
    if (bbbField(xml, 'messageKey') === 'checksumError') {
      throw new ZulipError('BAD_REQUEST', 'Error authenticating to the BigBlueButton server.', 502);
    }
    const createTime = bbbField(xml, 'createTime');
    if (bbbField(xml, 'returncode') !== 'SUCCESS' || !createTime) {
      throw new ZulipError(
        'BAD_REQUEST',
        'BigBlueButton server returned an unexpected error.',
        502,
      );
    }
    return bbbCallUrl(
      url,
      'join',
      [
        ['meetingID', meeting.meeting_id],
        ['password', meeting.moderator],
        ['fullName', user.full_name],
        // The join URL is only good for this run of the meeting.
        ['createTime', createTime],
      ],
      secret,
    );
  }

  private key(): Promise<Buffer> {
    this.signingKey ??= serverSecret(
      this.db,
      'bigbluebutton_signing_key',
      randomBytes(32).toString('hex'),
    ).then((hex) => Buffer.from(hex, 'hex'));
    return this.signingKey;
  }

  private async sign(meeting: SignedMeeting): Promise<string> {
    const payload = Buffer.from(JSON.stringify(meeting)).toString('base64url');
    const mac = createHmac('sha256', await this.key())
      .update(payload)
      .digest('base64url');
    return `${payload}.${mac}`;
  }

  private async verify(signed: string): Promise<SignedMeeting | null> {
    const [payload, mac, extra] = signed.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = createHmac('sha256', await this.key())
      .update(payload)
      .digest();
    const given = Buffer.from(mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const meeting = JSON.parse(
        Buffer.from(payload, 'base64url').toString('utf8'),
      ) as SignedMeeting;
      return typeof meeting.meeting_id === 'string' ? meeting : null;
    } catch {
      return null;
    }
  }
}
