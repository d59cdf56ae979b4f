import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/tools/chromium.mjs';

/**
 * E2e runs the real app: browser mode against the system Chromium (Playwright's own browsers
 * cannot be downloaded here), or Electron when its binary exists. Run inside
 * scripts/with-keyring.sh so the app's OS keychain is a real, private gnome-keyring.
 */
export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its output dir at start: let concurrent runs in one checkout use their own.
  outputDir: process.env.TESSERA_E2E_OUTPUT ?? 'test-results',
  workers: 2,
  fullyParallel: true,
  // At least three times what the slowest spec takes when two runs share the 2 cores; the timing
  // reporter prints the slowest tests, those near their limit and any that needed the retry.
  timeout: 180_000,
  expect: { timeout: 15_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [
    ['list'],
    ['./e2e/tools/timing-reporter.ts'],
    ...(process.env.CI ? [['html', { open: 'never' }] as const] : []),
  ],
  use: {
    browserName: 'chromium',
    trace: 'retain-on-failure',
    permissions: ['clipboard-read', 'clipboard-write'],
    launchOptions: chromiumLaunchOptions,
  },
});
