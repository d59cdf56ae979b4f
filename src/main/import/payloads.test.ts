import { describe, expect, it } from 'vitest';
import { withoutCaption } from '../../shared/payload-caption';
import { parseImportFile } from './detect';
import { encodeMigrationUri } from './migration/migration-encode';
import { parsePayloads } from './payloads';

const account = {
  type: 'totp',
  issuer: 'Pi',
  name: 'pi@raspberrypi',
  secret: '7KSQL2JTUDIS5EF65KLMRQIIGY',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
} as const;

describe('links behind a QR scanner app caption', () => {
  it('reads a file of "QR-Code:" lines, as zbarimg and scanner apps save them; comments stay ignored', async () => {
    const migration = encodeMigrationUri([account], { size: 1, index: 0, id: 7 });
    const text = [
      '# otpauth://totp/Comment:ignored?secret=JBSWY3DPEHPK3PXP',
      `QR-Code:${migration}`,
      'QR-Code: otpauth://totp/ACME:bob?secret=JBSWY3DPEHPK3PXP&issuer=ACME',
    ].join('\n');
    const results = await parseImportFile(new TextEncoder().encode(text));
    const drafts = results.flatMap((r) => r.entries.map((e) => e.draft));
    expect(drafts.map((d) => [d?.issuer, d?.name])).toEqual([
      ['ACME', 'bob'],
      ['Pi', 'pi@raspberrypi'],
    ]);
    expect(drafts[1]?.secret).toBe(account.secret);
  });

  it('reads a scanned text with a caption', () => {
    const [result] = parsePayloads(['QR-Code:otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP'], 'QR');
    expect(result!.entries[0]!.draft).toMatchObject({ issuer: 'A', name: 'b' });
  });

  it('does not take a JSON line holding a link for a caption', () => {
    const line = '"totp": "otpauth://totp/A:b?secret=JBSWY3DPEHPK3PXP",';
    expect(withoutCaption(line)).toBe(line);
  });
});
