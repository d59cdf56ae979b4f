import sharp from 'sharp';
import { TesseraError } from '../../shared/errors';
import { ICON_SIZE_PX, MAX_STORED_ICON_CHARS } from '../../shared/organisation';

/** Raster formats a person is likely to pick; SVG is refused (it can reference other files). */
const ACCEPTED = new Set(['png', 'jpeg', 'webp', 'gif']);
/** A 4096 × 4096 picture is far more than an icon needs, and bounds the decoder's memory. */
const MAX_INPUT_PIXELS = 4096 * 4096;

const notAnImage = () =>
  new TesseraError(
    'ICON_NOT_AN_IMAGE',
    'That file is not an image Tessera can use. Pick a PNG, JPEG, WebP or GIF picture.',
  );
const tooLarge = () =>
  new TesseraError(
    'ICON_TOO_LARGE',
    'That picture is too large for an icon. Pick one of at most 4096 × 4096 pixels.',
  );

/**
 * Decodes the picked file and re-encodes it as a small square PNG data URL: whatever the file held
 * besides pixels (metadata, trailing bytes, a script) does not survive, and the stored size is bounded.
 */
export async function normaliseIcon(bytes: Buffer): Promise<string> {
  let png: Buffer;
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
    if (!metadata.format || !ACCEPTED.has(metadata.format)) throw notAnImage();
    if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_INPUT_PIXELS) throw tooLarge();
    png = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS })
      .rotate()
      .resize(ICON_SIZE_PX, ICON_SIZE_PX, { fit: 'cover' })
      .png({ compressionLevel: 9, palette: true })
      .toBuffer();
  } catch (error) {
    if (error instanceof TesseraError) throw error;
    throw notAnImage();
  }
  const url = `data:image/png;base64,${png.toString('base64')}`;
  if (url.length > MAX_STORED_ICON_CHARS) throw tooLarge();
  return url;
}
