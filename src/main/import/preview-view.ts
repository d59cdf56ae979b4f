import type { ImportEntryView, ImportPreview } from '../../shared/contract/import';
import type { AccountDraft } from '../../shared/account';
import type { ImportEntry } from './import-types';
import type { PendingImport } from './pending-imports';

/** Same secret and kind of code: the same account, whatever its label says. */
export function duplicateKey(draft: Pick<AccountDraft, 'type' | 'secret'>): string {
  return `${draft.type === 'hotp' ? 'hotp' : 'time'}:${draft.secret}`;
}

export type EntryStatus = { status: 'new' } | { status: 'duplicate' | 'skipped'; reason: string };

/** Classifies each entry against the vault and against the earlier entries of the same import. */
export function classify(entries: ImportEntry[], existing: Map<string, string>): EntryStatus[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (!entry.draft)
      return { status: 'skipped', reason: entry.skipReason ?? 'This entry cannot be imported.' };
    const key = duplicateKey(entry.draft);
    const label = existing.get(key);
    if (label !== undefined)
      return { status: 'duplicate', reason: `Already in your vault as “${label}”.` };
    if (seen.has(key))
      return { status: 'duplicate', reason: 'Appears more than once in this import.' };
    seen.add(key);
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
