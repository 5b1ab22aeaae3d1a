import { createHash } from 'node:crypto';
import type { ProfileFieldValue } from '@hub/api/profile-field.types';
import type { User as ApiUser } from '@hub/api/user.types';
import { isAdmin, isOwner, ListedUser, Role, User } from './user.types';

export interface PresentOptions {
  /** The user asking: decides whether `delivery_email` is visible. */
  viewer: Pick<User, 'id' | 'role'>;
  /** `client_gravatar`: leave `avatar_url` null for Gravatar users; the client computes it. */
  clientGravatar?: boolean;
  /** `include_custom_profile_fields`: add `profile_data` (these values, or none). */
  includeProfileData?: boolean;
  /** The user's custom profile field values, by field id. */
  profileData?: Record<string, ProfileFieldValue>;
}

/**
 * Addresses' Gravatar hashes: a realm's user list (register, `GET /users`) hashes every address on
 * every call, 10,000 MD5s for a big realm. Bounded: emptied when full.
 */
const gravatarHashes = new Map<string, string>();
const GRAVATAR_HASHES_KEPT = 100_000;

function gravatarHash(email: string): string {
  const address = email.trim().toLowerCase();
  let hash = gravatarHashes.get(address);
  if (hash === undefined) {
    hash = createHash('md5').update(address).digest('hex');
    if (gravatarHashes.size >= GRAVATAR_HASHES_KEPT) gravatarHashes.clear();
    gravatarHashes.set(address, hash);
  }
  return hash;
}

/** Zulip's Gravatar URL for an address, with the avatar version as cache buster. */
export function gravatarUrl(email: string, version: number): string {
  return `https://secure.gravatar.com/avatar/${gravatarHash(email)}?d=identicon&version=${version}`;
}

/** Where an uploaded avatar is served: 100 px, or 500 px (`medium`). */
export function uploadedAvatarPath(
  user: Pick<User, 'id' | 'realm_id' | 'avatar_version'>,
  medium = false,
): string {
  return `/user_avatars/${user.realm_id}/${user.id}-${user.avatar_version}${medium ? '-medium' : ''}.png`;
}

type AvatarFields = Pick<
  User,
  'id' | 'realm_id' | 'avatar_source' | 'avatar_version' | 'delivery_email'
>;

/** A user's avatar: their uploaded image (100 px, or 500 px `medium`), else Gravatar's. */
export function avatarUrl(user: AvatarFields, medium = false): string {
  if (user.avatar_source === 'U') return uploadedAvatarPath(user, medium);
  return gravatarUrl(user.delivery_email, user.avatar_version);
}

/** `avatar_url` for a client: null for Gravatar users when it computes those itself. */
export function clientAvatarUrl(user: AvatarFields, clientGravatar = false): string | null {
  return clientGravatar && user.avatar_source === 'G' ? null : avatarUrl(user);
}

/** A user in the shape of Zulip's `User` object (GET /users, GET /users/{id}, realm_user events). */
export function presentUser(user: ListedUser, options: PresentOptions): ApiUser {
  const seesDeliveryEmail = options.viewer.id === user.id || isAdmin(options.viewer);
  const out: ApiUser = {
    user_id: user.id,
    email: user.email,
    delivery_email: seesDeliveryEmail ? user.delivery_email : null,
    full_name: user.full_name,
    role: user.role,
    is_owner: isOwner(user),
    is_admin: isAdmin(user),
    is_guest: user.role === Role.Guest,
    is_bot: user.is_bot,
    is_active: user.is_active,
    timezone: user.timezone,
    avatar_version: user.avatar_version,
    avatar_url: clientAvatarUrl(user, options.clientGravatar),
    date_joined: new Date(user.date_joined).toISOString(),
  };
  if (user.is_bot) {
    out.bot_type = user.bot_type;
    out.bot_owner_id = user.bot_owner_id;
  }
  if (options.includeProfileData && !user.is_bot) out.profile_data = options.profileData ?? {};
  return out;
}
