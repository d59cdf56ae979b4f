import type { Page } from '@playwright/test';
import { seriousViolations } from './fixtures/axe';
import { expect, test } from './fixtures/tessera';
import { STRONG_SECRET, addByForm, label, row } from './fixtures/vault-page';

// Several adds, a restart and axe: generous on a busy 2-core machine.
test.describe.configure({ timeout: 240_000 });

const GITHUB = label('GitHub', 'alice');
const GOOGLE = label('Google', 'bob');
const BANK = label('My Bank', 'carol');
/** A 1 × 1 PNG: enough for main to decode and re-encode as a custom icon. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function seed(page: Page): Promise<void> {
  await addByForm(page, { issuer: 'GitHub', name: 'alice', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'Google', name: 'bob', secret: STRONG_SECRET });
  await addByForm(page, { issuer: 'My Bank', name: 'carol', secret: STRONG_SECRET });
}

/** The rows' names in the order shown. */
function shownOrder(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: 'Accounts' })
    .getByRole('listitem')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

test('tag, favourite and reorder by keyboard; the order and tags survive a restart', async ({
  tessera,
}) => {
  let page = tessera.page;
  await seed(page);
  await expect.poll(() => shownOrder(page)).toEqual([GITHUB, GOOGLE, BANK]);

  // Tag Google through the edit dialog, keyboard only.
  await row(page, GOOGLE)
    .getByRole('button', { name: `Edit ${GOOGLE}` })
    .focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: `Edit ${GOOGLE}` });
  await dialog.getByLabel('Tags').focus();
  await page.keyboard.type('Work, Mail');
  await dialog.getByLabel('Note').focus();
  await page.keyboard.type('The shared inbox');
  await dialog.getByLabel('Tags').focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row(page, GOOGLE)).toContainText('Work, Mail');

  // Favourite My Bank: it is pinned on top.
  const star = row(page, BANK).getByRole('button', { name: `Favourite ${BANK}` });
  await star.focus();
  await page.keyboard.press('Enter');
  await expect(star).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => shownOrder(page)).toEqual([BANK, GITHUB, GOOGLE]);

  // Alt+ArrowDown on GitHub moves it below Google, announced; focus follows the row.
  const announcer = page.getByTestId('list-announcer');
  await row(page, GITHUB).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(announcer).toHaveText(`Moved ${GITHUB} to position 3 of 3.`);
  await expect.poll(() => shownOrder(page)).toEqual([BANK, GOOGLE, GITHUB]);
  await expect(row(page, GITHUB)).toBeFocused();
  // Google is first among the non-favourites: it cannot move above the pinned My Bank.
  await row(page, GOOGLE).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(announcer).toHaveText(`${GOOGLE} is already first.`);

  // A tag chip filters the list.
  const chips = page.getByRole('group', { name: 'Filter by tag' });
  await chips.getByRole('button', { name: 'Work' }).click();
  await expect.poll(() => shownOrder(page)).toEqual([GOOGLE]);
  await chips.getByRole('button', { name: 'All' }).click();

  page = await tessera.restart();
  await expect.poll(() => shownOrder(page), { timeout: 20_000 }).toEqual([BANK, GOOGLE, GITHUB]);
  await expect(row(page, GOOGLE)).toContainText('Work, Mail');
  await expect(row(page, BANK).getByRole('button', { name: `Favourite ${BANK}` })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await row(page, GOOGLE)
    .getByRole('button', { name: `Edit ${GOOGLE}` })
    .click();
  await expect(page.getByRole('dialog').getByLabel('Note')).toHaveValue('The shared inbox');
});

test('icons for well-known issuers, a custom image overrides them, drag to reorder; axe on the new screens', async ({
  tessera,
}) => {
  const { page } = tessera;
  await seed(page);
  await expect(row(page, GITHUB).locator('[data-brand="github"] svg path')).toBeVisible();
  await expect(row(page, GOOGLE).locator('[data-brand="google"]')).toBeVisible();
  await expect(row(page, BANK).locator('[data-brand]')).toHaveCount(0);
  await expect(row(page, BANK).locator('.avatar')).toHaveText('M');

  // Drag and drop reorders too: My Bank dropped on GitHub takes its place.
  await row(page, BANK).dragTo(row(page, GITHUB));
  await expect.poll(() => shownOrder(page)).toEqual([BANK, GITHUB, GOOGLE]);

  await row(page, BANK)
    .getByRole('button', { name: `Edit ${BANK}` })
    .click();
  await page.getByRole('dialog').getByLabel('Tags').fill('Finance');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toBeHidden();
  // The list with tag chips, sort and brand icons (one axe run for this screen).
  await expect(page.getByRole('group', { name: 'Filter by tag' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await row(page, GITHUB)
    .getByRole('button', { name: `Edit ${GITHUB}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Edit ${GITHUB}` });
  const file = dialog.getByLabel('Icon image file');
  await file.setInputFiles({
    name: 'notes.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('hi'),
  });
  await expect(dialog.getByRole('alert')).toContainText('not an image');
  // The edit dialog with tags, note, icon picker and an error on show (one axe run).
  expect(await seriousViolations(page)).toEqual([]);
  await file.setInputFiles({ name: 'me.png', mimeType: 'image/png', buffer: TINY_PNG });
  await expect(dialog.locator('img.avatar-image')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(row(page, GITHUB).locator('img.avatar-image')).toBeVisible();
  await expect(row(page, GITHUB).locator('[data-brand]')).toHaveCount(0);
});
