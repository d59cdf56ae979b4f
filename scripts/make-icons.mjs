// Renders the app icon from build/icon.svg: build/icon.png (512×512, used for Linux and, by
// electron-builder, turned into the macOS .icns) and build/icon.ico (16–256 px, Windows).
// Run after editing the SVG: node scripts/make-icons.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pngToIco from 'png-to-ico';
import sharp from 'sharp';

const dir = join(import.meta.dirname, '..', 'build');
const svg = readFileSync(join(dir, 'icon.svg'));
const png = (size) =>
  sharp(svg, { density: 72 * (size / 512) * 4 })
    .resize(size, size)
    .png()
    .toBuffer();

writeFileSync(join(dir, 'icon.png'), await png(512));
const sizes = await Promise.all([16, 24, 32, 48, 64, 128, 256].map(png));
writeFileSync(join(dir, 'icon.ico'), await pngToIco(sizes));
console.log('wrote build/icon.png and build/icon.ico');
