import type { ImportPreview, ImportSummary } from '../../shared/contract/import';
import type { AccountDraft } from '../../shared/account';
import type { AccountRepository, StoredAccount } from '../vault/account-repository';
import { TesseraError } from '../../shared/errors';
import type {
  RecoveryCodeInput,
  RecoveryCodeRepository,
} from '../vault/recovery/recovery-code-repository';
import { bySourcePosition, organisationFromImport } from '../vault/imported-organisation';
import type { OrganisationRepository } from '../vault/organisation-repository';
import type { DetectOptions } from './detect';
import { ImportError, type ImportEntry, type ImportParseResult } from './import-types';
import { parsePayloads } from './payloads';
import { createPendingImports, type PendingImport } from './pending-imports';
import { classify, duplicateKey, previewOf } from './preview-view';
import { workerParser, type ImportParser } from './worker/parse-in-worker';
import type { ImportFileData } from './worker/worker-protocol';

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

/**
 * Adds parse results to a pending import; a batch already read (same id, index and content) is
 * ignored. The CLI's dry run merges through here too, so it lists what a confirm would write.
 */
export function merge(
  item: Pick<PendingImport, 'format' | 'entries' | 'batches'>,
  results: ImportParseResult[],
): void {
  for (const result of results) {
    if (result.batch) {
      const { index, size, id } = result.batch;
      // The same batch scanned twice is read once. Hand-made payloads often all say "batch 1
      // of 1, id 0": one with other accounts under the same numbers is another export, kept.
      const payload = JSON.stringify([index, result.entries]);
      let state = item.batches.find((b) => b.id === id && b.size === size);
      if (state?.payloads.has(payload)) continue;
      if (!state) {
        state = {
          ...(id !== undefined ? { id } : {}),
          size,
          received: new Set(),
          payloads: new Set(),
        };
        item.batches.push(state);
      }
      state.received.add(index);
      state.payloads.add(payload);
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
  recoveryCodes: RecoveryCodeRepository,
  organisation: OrganisationRepository,
  clock: () => number,
  parse: ImportParser = workerParser(),
) {
  const pending = createPendingImports(clock);
  /** Parses in progress that asked to be cancellable, by the id their caller chose. */
  const parsing = new Map<string, AbortController>();
  const isoNow = () => new Date(clock()).toISOString();

  function open(results: ImportParseResult[], appendTo?: string): ImportPreview {
    // The vault first: locked, it refuses before a preview holds any secret.
    const existing = existingIndex(repository.list());
    const item = appendTo ? pending.get(appendTo) : pending.create('');
    merge(item, results);
    return previewOf(item, existing);
  }

  return {
    /** Parses in a worker; bytes move there (main keeps no copy of the file). */
    async previewFile(
      file: ImportFileData,
      {
        appendTo,
        parseId,
        ...options
      }: DetectOptions & { appendTo?: string; parseId?: string } = {},
    ): Promise<ImportPreview> {
      if (appendTo) pending.get(appendTo); // fail fast on an expired id
      if (parseId !== undefined && parsing.has(parseId))
        throw new TesseraError('VALIDATION_FAILED', 'That import is already being read.');
      const controller = new AbortController();
      if (parseId !== undefined) parsing.set(parseId, controller);
      try {
        return open(await parse(file, options, controller.signal), appendTo);
      } finally {
        if (parseId !== undefined) parsing.delete(parseId);
      }
    },
    /** Stops reading a file (its worker is terminated); false when it had already finished. */
    cancelParse(parseId: string): { cancelled: boolean } {
      const controller = parsing.get(parseId);
      controller?.abort();
      return { cancelled: controller !== undefined };
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
        else if (status.status === 'duplicate' && !options.includeDuplicates)
          skipped.push({ label: entry.label, reason: status.reason });
        else chosen.push(entry);
      });
      // In the source app's order when it recorded one; codes and organisation go with their account.
      const ordered = bySourcePosition(chosen);
      const drafts: AccountDraft[] = ordered.map((entry) => entry.draft!);
      const codes: (RecoveryCodeInput[] | undefined)[] = ordered.map((e) => e.recoveryCodes);
      const now = isoNow();
      recoveryCodes.withAccounts(
        () => {
          const stored = repository.insertMany(drafts, now);
          stored.forEach((account, i) => {
            const carried = ordered[i]!.organisation;
            if (carried) organisation.write(account.id, organisationFromImport(carried));
          });
          return stored;
        },
        codes,
        now,
      );
      pending.delete(id);
      return { format: item.format, imported: drafts.length, skipped };
    },
    cancel(id: string): { cancelled: true } {
      pending.delete(id);
      return { cancelled: true };
    },
    /** The vault locked: previews and parses in progress hold secrets, so they go too. */
    forgetAll(): void {
      pending.clear();
      for (const controller of parsing.values()) controller.abort();
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;
