import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import type { AccountDraft } from '../../shared/account';
import type { AccountRepository, StoredAccount } from '../vault/account-repository';
import { bySourcePosition, organisationFromImport } from '../vault/imported-organisation';
import type { OrganisationRepository } from '../vault/organisation-repository';
import { parseImportFile, type DetectOptions } from './detect';
import { ImportError, type ImportEntry, type ImportParseResult } from './import-types';
import { parsePayloads } from './payloads';
import { createPendingImports, type PendingImport } from './pending-imports';
import { classify, duplicateKey, previewOf } from './preview-view';

function noQrCode(): ImportError {
  return new ImportError(
    'IMPORT_NO_QR_CODE',
    'No QR code was found. Make sure the whole code is visible and sharp.',
  );
}

function existingIndex(accounts: StoredAccount[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const a of accounts) {
    const label = a.issuer && a.name ? `${a.issuer} (${a.name})` : a.issuer || a.name;
    if (!index.has(duplicateKey(a))) index.set(duplicateKey(a), label);
  }
  return index;
}

/** Adds parse results to a pending import; a batch already read (same id and index) is ignored. */
function merge(item: PendingImport, results: ImportParseResult[]): void {
  for (const result of results) {
    if (result.batch) {
      const { index, size, id } = result.batch;
      let state = item.batches.find((b) => b.id === id && b.size === size);
      if (state?.received.has(index)) continue;
      if (!state) {
        state = { ...(id !== undefined ? { id } : {}), size, received: new Set() };
        item.batches.push(state);
      }
      state.received.add(index);
    }
    item.entries.push(...result.entries);
  }
  for (const { format } of results) {
    if (item.format === '') item.format = format;
    else if (!item.format.split(' + ').includes(format)) item.format += ` + ${format}`;
  }
}

/**
 * The one import flow: parse → preview (held here, secrets never leave main) → confirm by id →
 * all-or-nothing write → summary. Every source (file, QR, paste, CLI) goes through it.
 */
export function createImportService(
  repository: AccountRepository,
  organisation: OrganisationRepository,
  clock: () => number,
) {
  const pending = createPendingImports(clock);
  const isoNow = () => new Date(clock()).toISOString();

  function open(results: ImportParseResult[], appendTo?: string): ImportPreview {
    const item = appendTo ? pending.get(appendTo) : pending.create('');
    merge(item, results);
    return previewOf(item, existingIndex(repository.list()));
  }

  return {
    async previewFile(
      bytes: Uint8Array,
      options: DetectOptions & { appendTo?: string } = {},
    ): Promise<ImportPreview> {
      if (options.appendTo) pending.get(options.appendTo); // fail fast on an expired id
      return open(await parseImportFile(bytes, options), options.appendTo);
    },
    previewTexts(texts: string[], appendTo?: string): ImportPreview {
      if (texts.length === 0) throw noQrCode();
      return open(parsePayloads(texts, 'QR code'), appendTo);
    },
    /** Re-checks duplicates against the vault as it is now, then writes in one transaction. */
    confirm(
      id: string,
      options: { exclude?: number[]; includeDuplicates?: boolean } = {},
    ): ImportSummary {
      const item = pending.get(id);
      const excluded = new Set(options.exclude ?? []);
      const statuses = classify(item.entries, existingIndex(repository.list()));
      const chosen: ImportEntry[] = [];
      const skipped: ImportSummary['skipped'] = [];
      item.entries.forEach((entry, i) => {
        const status = statuses[i]!;
        if (status.status === 'skipped')
          skipped.push({ label: entry.label, reason: status.reason });
        else if (excluded.has(i)) skipped.push({ label: entry.label, reason: 'You left it out.' });
        else if (status.status === 'duplicate' && !options.includeDuplicates) {
          skipped.push({ label: entry.label, reason: status.reason });
        } else chosen.push(entry);
      });
      const ordered = bySourcePosition(chosen);
      const drafts: AccountDraft[] = ordered.map((entry) => entry.draft!);
      organisation.atomically(() => {
        const stored = repository.insertMany(drafts, isoNow());
        stored.forEach((account, i) => {
          const carried = ordered[i]!.organisation;
          if (carried) organisation.write(account.id, organisationFromImport(carried));
        });
      });
      pending.delete(id);
      return { format: item.format, imported: drafts.length, skipped };
    },
    cancel(id: string): { cancelled: true } {
      pending.delete(id);
      return { cancelled: true };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
