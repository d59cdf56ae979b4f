import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TesseraError } from '../../../shared/errors';
import { classify } from '../../import/preview-view';
import { createImportService, merge } from '../../import/import-service';
import { importLimits, workerParser } from '../../import/worker/parse-in-worker';
import { openUnlockedApp, MASTER_PASSWORD_FILE_HELP } from '../unlocked-app';
import { readPasswordFile } from '../password-file';
import { configFrom, withStoreOptions, type StoreFlags } from '../store-options';
import {
  batchLines,
  describe,
  dryRunAccount,
  summaryLines,
  type DryRunAccount,
} from './import-output';

interface ImportFlags extends StoreFlags {
  masterPasswordFile?: string;
  passwordFile?: string;
  dryRun?: boolean;
  json?: boolean;
  showSecrets?: boolean;
  includeDuplicates?: boolean;
  format?: string;
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new TesseraError('IMPORT_FAILED', `Cannot read ${file}.`);
  }
}

/** Parses without opening the vault: a dry run needs no keychain and can write nothing. */
async function dryRun(
  files: string[],
  flags: ImportFlags,
  password: string | undefined,
): Promise<void> {
  const merged: Parameters<typeof merge>[0] = { format: '', entries: [], batches: [] };
  const parse = workerParser(importLimits(configFrom(flags)));
  for (const file of files) {
    const results = await parse(await readInput(file), {
      password,
      fileName: basename(file),
      format: flags.format,
    });
    for (const r of results) {
      if (r.batch)
        process.stderr.write(
          `${basename(file)}: ${r.format}, batch ${r.batch.index} of ${r.batch.size}\n`,
        );
    }
    merge(merged, results);
  }
  // The same classification as the app's preview: what is imported, and why anything is not.
  const statuses = classify(merged.entries, new Map());
  const accounts: DryRunAccount[] = [];
  merged.entries.forEach((e, i) => {
    const s = statuses[i]!;
    if (s.status === 'repeat') process.stderr.write(`${e.label}: ${s.reason}\n`);
    else if (s.status !== 'new') process.stderr.write(`skipped ${e.label}: ${s.reason}\n`);
    if (e.draft && (s.status === 'new' || s.status === 'repeat'))
      accounts.push(dryRunAccount(e.draft, !!flags.showSecrets, s));
  });
  if (flags.json) process.stdout.write(`${JSON.stringify(accounts, null, 2)}\n`);
  else
    for (const a of accounts)
      process.stdout.write(`${[a.issuer, a.name].filter(Boolean).join(' / ')}  ${describe(a)}\n`);
}

async function importForReal(
  files: string[],
  flags: ImportFlags,
  password: string | undefined,
): Promise<void> {
  const app = await openUnlockedApp(
    { ...flags, passwordFile: flags.masterPasswordFile },
    '--master-password-file',
  );
  try {
    const service = createImportService(
      app.accounts,
      app.recoveryCodes,
      app.organisationRepository,
      app.config.clock,
      workerParser(importLimits(app.config)),
    );
    let id: string | undefined;
    let batches: string[] = [];
    let repeats: string[] = [];
    for (const file of files) {
      const preview = await service.previewFile(await readInput(file), {
        password,
        fileName: basename(file),
        format: flags.format,
        appendTo: id,
      });
      id = preview.id;
      batches = batchLines(preview.batches);
      repeats = preview.entries.flatMap((e) =>
        e.status === 'repeat' ? [`${e.label}: ${e.reason}`] : [],
      );
    }
    for (const line of repeats) process.stderr.write(`${line}\n`);
    for (const line of batches) process.stderr.write(`Google Authenticator export: ${line}\n`);
    const summary = service.confirm(id!, { includeDuplicates: !!flags.includeDuplicates });
    if (flags.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    else process.stdout.write(`${summaryLines(summary).join('\n')}\n`);
  } finally {
    app.close();
  }
}

export function importCommand(): Command {
  return withStoreOptions(
    new Command('import')
      .description(
        'import accounts from a backup, an export of another app, a text file of otpauth links, or QR code images',
      )
      .argument(
        '<files...>',
        'file(s) to import; several images of one Google Authenticator export are merged',
      )
      .option(
        '--password-file <file>',
        'read the password of an encrypted file from the first line of this file',
      )
      .option(
        '--format <app>',
        "the app the file comes from (e.g. andotp, aegis, 2fas): read it as that app's export even when it carries no mark of it",
      )
      .option('--master-password-file <file>', MASTER_PASSWORD_FILE_HELP)
      .option('--dry-run', 'show what would be imported and write nothing')
      .option('--json', 'print JSON')
      .option('--show-secrets', 'with --dry-run: include each secret in the output')
      .option('--include-duplicates', 'also import accounts whose secret is already in the vault'),
  ).action(async (files: string[], flags: ImportFlags) => {
    const password = await readPasswordFile(flags.passwordFile);
    if (flags.dryRun) await dryRun(files, flags, password);
    else await importForReal(files, flags, password);
  });
}
