import sharp from 'sharp';
import { ImportError } from '../import/import-types';
import { sniffImage, type ImageKind } from '../../shared/qr/image-sniff';
import { bmpToRgba, MAX_PIXELS, tooLarge } from './bmp-decode';
import type { RgbaImage } from '../../shared/qr/rgba-image';

function truncated(kind: ImageKind): ImportError {
  if (kind === 'heif') {
    return new ImportError(
      'IMPORT_TRUNCATED',
      'This HEIC/AVIF image could not be read (Apple HEIC photos are not supported). Save it as PNG or JPEG and try again.',
    );
  }
  return new ImportError(
    'IMPORT_TRUNCATED',
    `The ${kind.toUpperCase()} image is damaged or incomplete (was the file cut off while copying?).`,
  );
}

/**
 * Decodes PNG, JPEG, GIF, WebP, TIFF and AVIF through sharp (libvips), BMP through bmp-ts (sharp has no BMP
 * reader). Every failure becomes a typed ImportError.
 */
export async function decodeImage(bytes: Uint8Array): Promise<RgbaImage> {
  const kind = sniffImage(bytes);
  if (!kind)
    throw new ImportError('IMPORT_UNRECOGNIZED', 'This file is not an image Tessera can read.');
  if (kind === 'bmp') {
    try {
      return bmpToRgba(bytes);
    } catch (error) {
      if (error instanceof ImportError) throw error;
      throw truncated(kind);
    }
  }
  try {
    // failOn 'error' refuses truncated files instead of returning half an image silently.
    const { data, info } = await sharp(bytes, {
      failOn: 'error',
      limitInputPixels: MAX_PIXELS,
      animated: false,
    })
      .rotate() // honour EXIF orientation of photos
      .toColourspace('srgb') // CMYK JPEGs, greyscale and 16-bit PNGs: always 8-bit RGB(A)
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || data.length !== info.width * info.height * 4) throw truncated(kind);
    return {
      width: info.width,
      height: info.height,
      data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooLarge();
    throw truncated(kind);
  }
}
