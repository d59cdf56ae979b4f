import { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { TesseraError } from '../../../shared/errors';
import { openApp } from '../../app';
import { parseImportFile } from '../../import/detect';
import type { ImportEntry } from '../../import/import-types';
import { classify } from '../../import/preview-view';
import { createImportService } from '../../import/import-service';
import { createOrganisationRepository } from '../../vault/organisation-repository';
import { createAccountRepository } from '../../vault/account-repository';
import { configFrom, withStoreOptions, type StoreFlags } from '../store-options';
import { batchLines, describe, dryRunAccount, summaryLines } from './import-output';

interface ImportFlags extends StoreFlags {
  passwordFile?: string;
  dryRun?: boolean;
  json?: boolean;
  showSecrets?: boolean;
  includeDuplicates?: boolean;
}

export async function readPasswordFile(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    // The first line only: `echo pw > file` leaves a newline that is not part of the password.
    return (await readFile(file, 'utf8')).split(/\r?\n/)[0];
  } catch {
    throw new TesseraError('IMPORT_FAILED', `Cannot read the password file ${file}.`);
  }
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
  const entries: ImportEntry[] = [];
  for (const file of files) {
    const results = await parseImportFile(await readInput(file), {
      password,
      fileName: basename(file),
    });
    for (const r of results) {
      if (r.batch)
        process.stderr.write(
          `${basename(file)}: ${r.format}, batch ${r.batch.index} of ${r.batch.size}\n`,
        );
      entries.push(...r.entries);
    }
  }
  const statuses = classify(entries, new Map());
  const accounts = entries.flatMap((e, i) =>
    e.draft && statuses[i]!.status === 'new' ? [dryRunAccount(e.draft, !!flags.showSecrets)] : [],
  );
  entries.forEach((e, i) => {
    const s = statuses[i]!;
    if (s.status !== 'new') process.stderr.write(`skipped ${e.label}: ${s.reason}\n`);
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
  const app = await openApp(configFrom(flags));
  try {
    const service = createImportService(
      createAccountRepository(app.db),
      createOrganisationRepository(app.db),
      app.config.clock,
    );
    let id: string | undefined;
    let batches: string[] = [];
    for (const file of files) {
      const preview = await service.previewFile(await readInput(file), {
        password,
        fileName: basename(file),
        appendTo: id,
      });
      id = preview.id;
      batches = batchLines(preview.batches);
    }
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
