import { jsqrRead } from '../../shared/qr/readers';
import { scanWithPasses } from '../../shared/qr/scan-passes';
import { ImportError } from '../import/import-types';
import { decodeImage } from './image-decode';
import { zxingRead } from './zxing-node';

/**
 * Every QR text in an image file (PNG, JPEG, GIF, WebP, BMP). Throws IMPORT_NO_QR_CODE when the
 * image is fine but holds no readable code.
 */
export async function scanImageFile(bytes: Uint8Array): Promise<string[]> {
  const image = await decodeImage(bytes);
  const texts = await scanWithPasses(image, { multi: zxingRead, single: jsqrRead });
  if (texts.length === 0) {
    throw new ImportError(
      'IMPORT_NO_QR_CODE',
      'No QR code was found in this image. Try a sharper, larger or uncropped picture of the code.',
    );
  }
  return texts;
}
