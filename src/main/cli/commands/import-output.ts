import type { AccountDraft } from '../../../shared/account';
import type { ImportPreview, ImportSummary } from '../../../shared/contract/import';

/** The shape `tessera import --dry-run --json` prints, documented in the issue. */
export interface DryRunAccount {
  type: AccountDraft['type'];
  issuer: string;
  name: string;
  secret?: string;
  algorithm: AccountDraft['algorithm'];
  digits: number;
  period?: number;
  counter?: number;
  /** Only on an entry identical to an earlier one: "repeat", and the reason the preview shows. */
  status?: 'repeat';
  reason?: string;
}

export function dryRunAccount(
  draft: AccountDraft,
  showSecrets: boolean,
  status: { status: string; reason?: string } = { status: 'new' },
): DryRunAccount {
  return {
    type: draft.type,
    issuer: draft.issuer,
    name: draft.name,
    ...(showSecrets ? { secret: draft.secret } : {}),
    algorithm: draft.algorithm,
    digits: draft.digits,
    ...(draft.type === 'hotp' ? { counter: draft.counter } : { period: draft.period }),
    ...(status.status === 'repeat' ? { status: 'repeat' as const, reason: status.reason } : {}),
  };
}

export function describe(
  a: Pick<DryRunAccount, 'type' | 'algorithm' | 'digits' | 'period' | 'counter'>,
): string {
  const timing = a.type === 'hotp' ? `counter ${a.counter ?? 0}` : `${a.period ?? 30}s`;
  return `${a.type.toUpperCase()} ${a.algorithm} ${a.digits} digits ${timing}`;
}

export function batchLines(batches: ImportPreview['batches']): string[] {
  return batches.map((b) => {
    const got = b.received.map((i) => `batch ${i} of ${b.size}`).join(', ');
    const missing = Array.from({ length: b.size }, (_, i) => i + 1).filter(
      (i) => !b.received.includes(i),
    );
    return missing.length > 0 ? `${got} (still missing: ${missing.join(', ')})` : got;
  });
}

export function summaryLines(summary: ImportSummary): string[] {
  const lines = [
    `Imported ${summary.imported} account${summary.imported === 1 ? '' : 's'} from ${summary.format}.`,
  ];
  for (const s of summary.skipped) lines.push(`  skipped ${s.label}: ${s.reason}`);
  return lines;
}
