#!/usr/bin/env node
// The CLI is built by `npm run build`; point at it so `npx tessera` works from a checkout.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const entry = join(__dirname, '..', 'out', 'main', 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('tessera: not built yet. Run `npm run build` first.\n');
  process.exit(1);
}
require(entry);
