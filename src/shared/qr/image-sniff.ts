/** Image containers we read, recognised by their first bytes (never by file name). */
export type ImageKind = 'png' | 'jpeg' | 'gif' | 'bmp' | 'webp' | 'tiff' | 'heif';

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffImage(bytes: Uint8Array): ImageKind | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]))
    return 'tiff';
  // ISO base media (AVIF, HEIC): an "ftyp" box whose brand names an image format.
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (['avif', 'avis', 'heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1'].includes(brand))
      return 'heif';
  }
  // "BM" alone is too weak (a text file may start with it): also require a sane header size.
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) {
    const headerSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
    if ([12, 40, 52, 56, 64, 108, 124].includes(headerSize)) return 'bmp';
  }
  return undefined;
}

const IMAGE_NAME = /\.(png|jpe?g|gif|bmp|webp|heic|heif|tiff?)$/i;

/** Only used to word an error better; detection itself never trusts the name. */
export function looksLikeImageName(fileName: string | undefined): boolean {
  return fileName !== undefined && IMAGE_NAME.test(fileName);
}
