import sharp, { type Sharp } from 'sharp';
import { ZulipError } from '../common/zulip-error';

/** Images larger than this many pixels are refused before decoding (decompression bombs). */
const MAX_INPUT_PIXELS = 50_000_000;

export const THUMBNAIL_SIZES: Record<string, { width: number; height: number }> = {
  '840x560.webp': { width: 840, height: 560 },
  '300x200.webp': { width: 300, height: 200 },
};

export const AVATAR_SIZES = { small: 100, medium: 500 } as const;

/** Zulip's custom emoji are shown at most this size. */
export const EMOJI_SIZE = 64;

const badImage = (): ZulipError => new ZulipError('BAD_IMAGE', 'Could not decode image', 400);

function open(input: Buffer | string, animated = false): Sharp {
  return sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, animated, failOn: 'error' });
}

/**
 * A thumbnail that fits in `size`, turned upright by its EXIF orientation; the output carries
 * no metadata (sharp drops EXIF, GPS included, unless asked to keep it).
 */
export async function thumbnail(file: string, size: keyof typeof THUMBNAIL_SIZES): Promise<Buffer> {
  const { width, height } = THUMBNAIL_SIZES[size];
  return open(file)
    .rotate()
    .resize(width, height, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** An avatar: the centre square of the image, `size` pixels wide, PNG without metadata. */
export async function squareAvatar(input: Buffer, size: number): Promise<Buffer> {
  try {
    return await open(input)
      .rotate()
      .resize(size, size, { fit: 'cover', position: 'centre' })
      .png()
      .toBuffer();
  } catch {
    throw badImage();
  }
}

/** Width and height of an image, or BAD_IMAGE when it is none the library reads. */
export async function imageSize(input: Buffer): Promise<{ width: number; height: number }> {
  try {
    const meta = await open(input).metadata();
    if (!meta.width || !meta.height) throw badImage();
    return { width: meta.width, height: meta.height };
  } catch {
    throw badImage();
  }
}

/**
 * A custom emoji: fit into EMOJI_SIZE square on a transparent background; an animated GIF
 * stays animated (as GIF), everything else becomes PNG.
 */
export async function emojiImage(input: Buffer): Promise<{ data: Buffer; ext: 'gif' | 'png' }> {
  try {
    const meta = await open(input).metadata();
    const animated = meta.format === 'gif' && (meta.pages ?? 1) > 1;
    const resized = open(input, animated).resize(EMOJI_SIZE, EMOJI_SIZE, {
      fit: 'contain',
      background: { r: 0, g: 0, b: 0, alpha: 0 },
      withoutEnlargement: true,
    });
    return animated
      ? { data: await resized.gif().toBuffer(), ext: 'gif' }
      : { data: await resized.png().toBuffer(), ext: 'png' };
  } catch {
    throw badImage();
  }
}
