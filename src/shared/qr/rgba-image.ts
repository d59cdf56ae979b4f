/** An RGBA bitmap (4 bytes per pixel), the common currency of both decoders in Node and browser. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array | Uint8ClampedArray;
}

/**
 * Adds a white border: a code cropped to its edge (no quiet zone) gives the finder-pattern search
 * nothing to lock onto, and a margin of a few modules is enough to restore it.
 */
export function addQuietZone(image: RgbaImage, margin: number): RgbaImage {
  const width = image.width + 2 * margin;
  const height = image.height + 2 * margin;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < image.height; y++) {
    const from = y * image.width * 4;
    data.set(
      image.data.subarray(from, from + image.width * 4),
      ((y + margin) * width + margin) * 4,
    );
  }
  return { width, height, data };
}

/** Stretches luminance to the full 0–255 range: a faint code on grey becomes black on white. */
export function stretchContrast(image: RgbaImage): RgbaImage {
  const { data } = image;
  let low = 255;
  let high = 0;
  const luma = new Uint8Array(data.length / 4);
  for (let i = 0, p = 0; i < data.length; i += 4, p++) {
    const y = (306 * data[i]! + 601 * data[i + 1]! + 117 * data[i + 2]! + 512) >> 10;
    luma[p] = y;
    if (y < low) low = y;
    if (y > high) high = y;
  }
  const range = Math.max(1, high - low);
  const out = new Uint8ClampedArray(data.length);
  for (let p = 0; p < luma.length; p++) {
    const v = ((luma[p]! - low) * 255) / range;
    out[p * 4] = v;
    out[p * 4 + 1] = v;
    out[p * 4 + 2] = v;
    out[p * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data: out };
}

/** Nearest-neighbour downscale so the slower fallback decoder stays within a few hundred ms. */
export function downscale(image: RgbaImage, maxSide: number): RgbaImage {
  const scale = maxSide / Math.max(image.width, image.height);
  if (scale >= 1) return image;
  const width = Math.max(1, Math.round(image.width * scale));
  const height = Math.max(1, Math.round(image.height * scale));
  const out = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(image.height - 1, Math.floor(y / scale));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(image.width - 1, Math.floor(x / scale));
      const s = (sy * image.width + sx) * 4;
      const d = (y * width + x) * 4;
      out[d] = image.data[s]!;
      out[d + 1] = image.data[s + 1]!;
      out[d + 2] = image.data[s + 2]!;
      out[d + 3] = 255;
    }
  }
  return { width, height, data: out };
}

/** True when some pixel is not fully opaque (PNG, WebP or clipboard BMP with alpha). */
export function hasTransparency(image: RgbaImage): boolean {
  for (let i = 3; i < image.data.length; i += 4) if (image.data[i] !== 255) return true;
  return false;
}

/** The image as a viewer shows it over a white (255) or black (0) page: every pixel opaque. */
export function flattenOn(image: RgbaImage, background: 0 | 255): RgbaImage {
  const data = new Uint8ClampedArray(image.data);
  for (let i = 0; i < data.length; i += 4) {
    const alpha = data[i + 3]!;
    if (alpha === 255) continue;
    for (let c = 0; c < 3; c++)
      data[i + c] = Math.round((data[i + c]! * alpha + background * (255 - alpha)) / 255);
    data[i + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}
