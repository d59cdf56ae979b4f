import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClipboardBridge } from './clipboard-bridge';

function fakeClipboard(initial = 'before') {
  let text = initial;
  return {
    writeText: (value: string) => void (text = value),
    readText: () => text,
    clear: () => void (text = ''),
    current: () => text,
  };
}

afterEach(() => vi.useRealTimers());

describe('the clipboard bridge', () => {
  it('copies a backup-code list one per line, and clears it later if it still holds it', async () => {
    vi.useFakeTimers();
    const clipboard = fakeClipboard();
    const copy = createClipboardBridge(clipboard);
    expect(
      await copy({ values: ['abcd-efgh-ijkl', 'mnop-qrst-uvwx'], clearAfterMs: 30_000 }),
    ).toEqual({
      ok: true,
      data: null,
    });
    expect(clipboard.current()).toBe('abcd-efgh-ijkl\nmnop-qrst-uvwx');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.current()).toBe('');

    await copy({ values: ['123456'], clearAfterMs: 30_000 });
    clipboard.writeText('copied by the person since');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(clipboard.current()).toBe('copied by the person since');
  });

  it.each([
    ['a text longer than a code', { values: ['x'.repeat(65)], clearAfterMs: 30_000 }],
    ['a line break inside a value', { values: ['123\n456'], clearAfterMs: 30_000 }],
    ['no values', { values: [], clearAfterMs: 30_000 }],
    ['too many values', { values: Array.from({ length: 33 }, () => '123456'), clearAfterMs: 1000 }],
    ['a clearing delay over 5 minutes', { values: ['123456'], clearAfterMs: 3_600_000 }],
    ['a bare string', '123456'],
  ])('refuses %s with CLIPBOARD_REFUSED and copies nothing', async (_what, request) => {
    const clipboard = fakeClipboard();
    const answer = await createClipboardBridge(clipboard)(request);
    expect(answer).toMatchObject({ ok: false, error: { code: 'CLIPBOARD_REFUSED' } });
    expect(clipboard.current()).toBe('before');
  });
});
