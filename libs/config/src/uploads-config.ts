import * as path from 'node:path';

/** Settings of uploaded files, avatars and custom emoji. */
export interface UploadsConfig {
  /** Where files live (`UPLOADS_DIR`, default `DATA_DIR/uploads`). */
  dir: string;
  /** The largest file `POST /user_uploads` accepts; larger answers 413. */
  maxFileBytes: number;
  /** What one realm's uploads may add up to; 0: no quota. */
  realmQuotaBytes: number;
  /** Uploads one user may make per minute. */
  ratePerMinute: number;
  /** A file no message references for this long is deleted by the cleanup job. */
  unreferencedRetentionSeconds: number;
  /** How often the cleanup job runs; 0: never (e.g. a separate process does it). */
  cleanupIntervalSeconds: number;
  /** The largest avatar image accepted. */
  maxAvatarBytes: number;
  /** The largest custom emoji image accepted. */
  maxEmojiBytes: number;
}

type Env = Record<string, string | undefined>;
type Fail = (message: string) => never;

const MIB = 1024 * 1024;

function whole(env: Env, name: string, fallback: number, max: number, fail: Fail): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return fail(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value > max) return fail(`${name} must be at most ${max}, got ${value}`);
  return value;
}

function positive(env: Env, name: string, fallback: number, max: number, fail: Fail): number {
  const value = whole(env, name, fallback, max, fail);
  if (value < 1) return fail(`${name} must be at least 1, got ${value}`);
  return value;
}

/**
 * UPLOADS_DIR, UPLOAD_MAX_FILE_BYTES (25 MiB), UPLOAD_REALM_QUOTA_BYTES (0: none),
 * UPLOAD_RATE_LIMIT_PER_MINUTE (60), UPLOAD_UNREFERENCED_RETENTION_SECONDS (3 weeks),
 * UPLOAD_CLEANUP_INTERVAL_SECONDS (1 hour; 0: off), AVATAR_MAX_BYTES and EMOJI_MAX_BYTES (5 MiB).
 */
export function loadUploadsConfig(env: Env, dataDir: string, fail: Fail): UploadsConfig {
  return {
    dir: path.resolve(env.UPLOADS_DIR || path.join(dataDir, 'uploads')),
    maxFileBytes: positive(env, 'UPLOAD_MAX_FILE_BYTES', 25 * MIB, 10 * 1024 * MIB, fail),
    realmQuotaBytes: whole(env, 'UPLOAD_REALM_QUOTA_BYTES', 0, Number.MAX_SAFE_INTEGER, fail),
    ratePerMinute: positive(env, 'UPLOAD_RATE_LIMIT_PER_MINUTE', 60, 1_000_000, fail),
    unreferencedRetentionSeconds: whole(
      env,
      'UPLOAD_UNREFERENCED_RETENTION_SECONDS',
      21 * 86400,
      10 * 365 * 86400,
      fail,
    ),
    cleanupIntervalSeconds: whole(env, 'UPLOAD_CLEANUP_INTERVAL_SECONDS', 3600, 7 * 86400, fail),
    maxAvatarBytes: positive(env, 'AVATAR_MAX_BYTES', 5 * MIB, 100 * MIB, fail),
    maxEmojiBytes: positive(env, 'EMOJI_MAX_BYTES', 5 * MIB, 100 * MIB, fail),
  };
}
