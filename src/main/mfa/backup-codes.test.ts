import { describe, expect, it } from 'vitest';
import {
  BACKUP_CODE_LENGTH,
  formatBackupCode,
  generateBackupCodes,
  normalizeBackupCode,
} from './backup-codes';

describe('backup codes', () => {
  it('are 16 Crockford characters (80 bits), distinct, shown in groups of four', () => {
    const codes = generateBackupCodes(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
      expect(formatBackupCode(code)).toMatch(/^(\w{4}-){3}\w{4}$/);
    }
    expect(BACKUP_CODE_LENGTH * 5).toBeGreaterThanOrEqual(64);
  });

  it('forgive case, spaces, dashes and look-alikes; refuse anything else', () => {
    expect(normalizeBackupCode('7k2m-9qxd o1il-abcd')).toBe('7K2M9QXD0111ABCD');
    expect(normalizeBackupCode('7K2M9QXD0111ABC')).toBeNull();
    expect(normalizeBackupCode('7K2M9QXD0111ABCU')).toBeNull();
    expect(normalizeBackupCode('123456')).toBeNull();
  });
});
