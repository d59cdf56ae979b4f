import type { ImportEntryView, ImportPreview } from '../../shared/contract/import';
import type { AccountDraft } from '../../shared/account';
import type { ImportEntry } from './import-types';
import type { PendingImport } from './pending-imports';

/** Same secret and kind of code: the same account, whatever its label says. */
export function duplicateKey(draft: Pick<AccountDraft, 'type' | 'secret'>): string {
  return `${draft.type === 'hotp' ? 'hotp' : 'time'}:${draft.secret}`;
}

export type EntryStatus =
  { status: 'new' } | { status: 'repeat' | 'duplicate' | 'skipped'; reason: string };

/** Every field that makes an account: entries equal on all of them are one account twice. */
function identityKey(d: AccountDraft): string {
  const timing = d.type === 'hotp' ? `c${d.counter}` : `p${d.period}`;
  return JSON.stringify([d.type, d.issuer, d.name, d.secret, d.algorithm, d.digits, timing]);
}

const REPEAT_REASON = 'Repeat within the file';

/**
 * Classifies each entry against the vault and against the earlier entries of the same import.
 * Entries of one file that share a secret or a name but differ in any field are separate
 * accounts (real exports hold such entries on purpose); only an entry identical in every field
 * is a repeat, which is still imported unless the person leaves it out. The preview and the CLI
 * both show these statuses, so what each says will be imported is the same.
 */
export function classify(entries: ImportEntry[], existing: Map<string, string>): EntryStatus[] {
  const seen = new Map<string, number>();
  return entries.map((entry, index) => {
    if (!entry.draft)
      return { status: 'skipped', reason: entry.skipReason ?? 'This entry cannot be imported.' };
    const label = existing.get(duplicateKey(entry.draft));
    if (label !== undefined)
      return { status: 'duplicate', reason: `Already in your vault as “${label}”.` };
    const key = identityKey(entry.draft);
    const first = seen.get(key);
    if (first !== undefined)
      return {
        status: 'repeat',
        reason: `${REPEAT_REASON}: identical in every field to entry ${first + 1}.`,
      };
    seen.set(key, index);
    return { status: 'new' };
  });
}

function entryView(entry: ImportEntry, index: number, status: EntryStatus): ImportEntryView {
  const d = entry.draft;
  const view: ImportEntryView = {
    index,
    label: entry.label,
    issuer: d?.issuer ?? '',
    name: d?.name ?? entry.label,
    status: status.status,
  };
  if (d) {
    Object.assign(view, {
      type: d.type,
      algorithm: d.algorithm,
      digits: d.digits,
      counter: d.counter,
    });
    if (d.type !== 'hotp') view.period = d.period;
  }
  if (status.status !== 'new') view.reason = status.reason;
  return view;
}

/** The renderer's view of a pending import: everything but the secrets. */
export function previewOf(item: PendingImport, existing: Map<string, string>): ImportPreview {
  const statuses = classify(item.entries, existing);
  return {
    id: item.id,
    format: item.format,
    entries: item.entries.map((entry, i) => entryView(entry, i, statuses[i]!)),
    batches: item.batches.map((b) => ({
      ...(b.id !== undefined ? { id: b.id } : {}),
      size: b.size,
      received: [...b.received].sort((x, y) => x - y),
    })),
    expiresAt: item.expiresAt,
  };
}
