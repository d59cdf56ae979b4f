#!/usr/bin/env node
// UI benchmark (not a test): 2,000 accounts in browser mode, system Chromium. Every account has
// tags, most have a bundled brand icon (a few issuers have none, so the letter avatar shows), some
// are favourites and every 50th has a custom image: the list as a well-organised vault has it.
// Reports the time from navigation start to the first code painted, and main-thread time per
// countdown tick. Assumes `out/` is built (`npm run bench` builds first).
// The master key comes from a throw-away 0600 key file, so no OS keychain is needed or touched.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../../e2e/tools/chromium.mjs';
import { startWeb } from './lib/web-server.mjs';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2000);
const LOADS = 5;
const TICK_WINDOW_S = Number(process.env.BENCH_TICK_SECONDS ?? 35); // spans at least one 30 s rollover
/** A 1 × 1 PNG, re-encoded by main into a custom icon. */
const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted.at(-1) };
};
const ms = (v) => `${v.toFixed(2)} ms`;

async function seed(request, base, session) {
  const secret = () =>
    randomBytes(20)
      .toString('hex')
      .toUpperCase()
      .replace(/[^A-Z2-7]/g, 'A')
      .slice(0, 32);
  const issuers = [
    'GitHub',
    'Google',
    'AWS',
    'Dropbox',
    'Discord',
    'GitLab',
    'Microsoft',
    'Cloudflare',
    'Stripe',
    'Atlassian',
    'accounts.google.com',
    'Proton Mail',
  ];
  const tagSets = [['Work'], ['Personal', 'Finance'], ['Work', 'Infra', 'On-call'], ['Family']];
  const call = async (channel, data) => {
    const response = await request.post(`${base}/rpc/${channel}`, {
      headers: { 'x-tessera-session': session },
      data,
    });
    const body = await response.json();
    if (!body.ok) throw new Error(`seeding failed: ${JSON.stringify(body.error)}`);
    return body.data;
  };
  let next = 0;
  const worker = async () => {
    while (next < ACCOUNTS) {
      const i = next++;
      const { id } = await call('vault.add', {
        issuer: issuers[i % issuers.length],
        name: `user${i}@example.com`,
        secret: secret(),
      });
      await call('vault.setTags', { id, tags: tagSets[i % tagSets.length] });
      if (i % 100 === 0) await call('vault.setFavourite', { id, favourite: true });
      if (i % 50 === 25) await call('vault.setIcon', { id, dataBase64: TINY_PNG });
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

const dataDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
const server = startWeb(dataDir);
const browser = await chromium.launch(chromiumLaunchOptions);

try {
  const url = await server.url;
  const base = new URL(url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The tab swaps the link's token for a session it keeps in sessionStorage; seeding borrows it.
  await page.goto(url);
  const session = await (
    await page.waitForFunction(() => sessionStorage.getItem('tessera.session'))
  ).jsonValue();
  const seeded = Date.now();
  await seed(context.request, base, session);
  console.log(
    `seeded ${ACCOUNTS} accounts (tags on all, brand icons on most, custom images on ${Math.ceil(ACCOUNTS / 50)}) in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );

  // First code painted: the app marks `tessera:first-code` in the frame after the first codes commit.
  const firstCode = [];
  for (let i = 0; i < LOADS; i++) {
    await page.goto(`${base}/`);
    await page.waitForFunction(
      () => performance.getEntriesByName('tessera:first-code').length > 0,
      null,
      { timeout: 20_000 },
    );
    firstCode.push(
      await page.evaluate(() => performance.getEntriesByName('tessera:first-code')[0].startTime),
    );
  }
  const rows = await page.getByRole('listitem').count();
  const icons = await page.locator('[data-brand], img.avatar-image').count();
  const fc = stats(firstCode);
  console.log(
    `first code painted after navigation start (${LOADS} loads, ${ACCOUNTS} accounts, ${rows} rows in the DOM, ${icons} with an icon): median ${ms(fc.median)}, max ${ms(fc.max)}`,
  );

  // Per tick: the app measures each tick from the timer callback to React's commit (`tessera:tick`);
  // Chromium's own TaskDuration covers everything else on the main thread (style, layout, paint,
  // the rollover fetch) over the same window.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]),
    );
  await page.evaluate(() => performance.clearMeasures('tessera:tick'));
  const before = await metric();
  await page.waitForTimeout(TICK_WINDOW_S * 1000);
  const after = await metric();
  const ticks = await page.evaluate(() =>
    performance.getEntriesByName('tessera:tick').map((e) => e.duration),
  );
  const t = stats(ticks);
  if (process.env.BENCH_VERBOSE)
    console.log(`ticks (ms): ${ticks.map((d) => d.toFixed(1)).join(' ')}`);
  const perTick = ((after.TaskDuration - before.TaskDuration) * 1000) / Math.max(1, ticks.length);
  console.log(
    `tick handler to React commit (${t.n} ticks): median ${ms(t.median)}, p95 ${ms(t.p95)}, max ${ms(t.max)}`,
  );
  console.log(
    `main-thread time per tick, everything included (style, layout, paint, rollover fetch; ${TICK_WINDOW_S} s window): ${ms(perTick)}` +
      ` [script ${ms(((after.ScriptDuration - before.ScriptDuration) * 1000) / ticks.length)},` +
      ` layout ${ms(((after.LayoutDuration - before.LayoutDuration) * 1000) / ticks.length)},` +
      ` style ${ms(((after.RecalcStyleDuration - before.RecalcStyleDuration) * 1000) / ticks.length)}]`,
  );
  console.log(
    `goal first code <= 1 s: ${fc.median <= 1000 ? 'met' : 'NOT met'}; goal <= 4 ms per tick (handler to commit, median): ${t.median <= 4 ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
