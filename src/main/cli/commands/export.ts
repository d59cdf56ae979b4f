import { Command, Option } from 'commander';
import { existsSync } from 'node:fs';
import { TesseraError } from '../../../shared/errors';
import { APP_VERSION } from '../../app';
import { exportEncryptedBackup, exportUriList } from '../../backup/backup-export';
import { backupAccounts } from '../../backup/backup-accounts';
import { openUnlockedApp, MASTER_PASSWORD_FILE_HELP } from '../unlocked-app';
import { withStoreOptions, type StoreFlags } from '../store-options';
import { writeSecretFile } from '../write-secret-file';
import { readPasswordFile } from '../password-file';

interface ExportFlags extends StoreFlags {
  masterPasswordFile?: string;
  format: 'tessera' | 'uris';
  out: string;
  passwordFile?: string;
  force?: boolean;
}

async function writeOut(file: string, data: string | Buffer, force: boolean): Promise<void> {
  try {
    // The file holds secrets (encrypted or not); --force replaces, never writes through, a file.
    await writeSecretFile(file, data, force);
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new TesseraError(
      'EXPORT_FAILED',
      exists ? `${file} already exists (use --force to replace it).` : `Cannot write ${file}.`,
    );
  }
}

export async function runExport(flags: ExportFlags): Promise<void> {
  const password = await readPasswordFile(flags.passwordFile);
  if (flags.format === 'tessera' && !password) {
    throw new TesseraError(
      'VALIDATION_FAILED',
      'An encrypted backup needs a password: pass --password-file FILE.',
    );
  }
  // Checked before the slow key derivation; writeOut's 'wx' still guards against a race.
  if (!flags.force && existsSync(flags.out)) {
    throw new TesseraError(
      'EXPORT_FAILED',
      `${flags.out} already exists (use --force to replace it).`,
    );
  }
  const app = await openUnlockedApp(
    { ...flags, passwordFile: flags.masterPasswordFile },
    '--master-password-file',
  );
  try {
    const accounts = backupAccounts(app.accounts, app.recoveryCodes, app.organisationRepository);
    if (flags.format === 'tessera') {
      const bytes = await exportEncryptedBackup(accounts, {
        password: password!,
        now: new Date(app.config.clock()),
        appVersion: APP_VERSION,
      });
      await writeOut(flags.out, bytes, !!flags.force);
    } else {
      process.stderr.write(
        `Warning: ${flags.out} holds every secret in plain text. Anyone who reads it can generate your codes; delete it once it has been imported.\n`,
      );
      await writeOut(flags.out, exportUriList(accounts), !!flags.force);
    }
    process.stdout.write(
      `Exported ${accounts.length} account${accounts.length === 1 ? '' : 's'} to ${flags.out}.\n`,
    );
  } finally {
    app.close();
  }
}

export function exportCommand(): Command {
  return withStoreOptions(
    new Command('export')
      .description('export every account: an encrypted Tessera backup, or plain otpauth links')
      .addOption(
        new Option('--format <format>', 'tessera (encrypted) or uris (plain text)')
          .choices(['tessera', 'uris'])
          .default('tessera'),
      )
      .requiredOption('--out <file>', 'file to write')
      .option('--password-file <file>', 'read the backup password from the first line of this file')
      .option('--master-password-file <file>', MASTER_PASSWORD_FILE_HELP)
      .option('--force', 'replace the output file if it exists'),
  ).action((flags: ExportFlags) => runExport(flags));
}
