import { TesseraError } from '../../shared/errors';
import { resolveAccountInput } from '../../shared/resolve-account';
import { ImportError, type ImportEntry, type ImportFormat } from '../import/import-types';
import { zodIssues } from '../../shared/resolve-account';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  envelopeSchema,
  type BackupEnvelope,
} from './backup-envelope';
import { decryptPayload } from './backup-crypto';
import { PAYLOAD_VERSION, backupPayloadSchema, type BackupAccount } from './backup-payload';

const SNIFF = /^\s*\{[\s\S]{0,200}"format"\s*:\s*"tessera-backup"/;

function readEnvelope(text: string): BackupEnvelope {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ImportError(
      'IMPORT_TRUNCATED',
      'This Tessera backup is incomplete or damaged (it is not whole JSON).',
    );
  }
  const version = (json as { version?: unknown }).version;
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw new ImportError(
      'IMPORT_UNSUPPORTED_VERSION',
      `This backup was made by a newer Tessera (format version ${version}); update Tessera to restore it.`,
    );
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) {
    const where = zodIssues(parsed.error)[0]?.path.join('.') ?? 'envelope';
    throw new ImportError(
      'IMPORT_MALFORMED',
      `This Tessera backup is damaged (its "${where}" field is invalid).`,
    );
  }
  return parsed.data;
}

function labelOf(a: { issuer: string; name: string }): string {
  return a.issuer && a.name ? `${a.issuer} (${a.name})` : a.issuer || a.name || 'Unnamed account';
}

function toEntry(account: BackupAccount): ImportEntry {
  const label = labelOf(account);
  try {
    const { favourite, tags, note, lastUsedAt, customIcon, position } = account;
    const entry: ImportEntry = {
      label,
      draft: resolveAccountInput(account),
      organisation: { favourite, tags, note, lastUsedAt, customIcon, position },
    };
    return account.recoveryCodes?.length
      ? { ...entry, recoveryCodes: account.recoveryCodes }
      : entry;
  } catch (error) {
    if (error instanceof TesseraError) return { label, skipReason: error.message };
    throw error;
  }
}

function readPayload(plaintext: Buffer): BackupAccount[] {
  let json: unknown;
  try {
    json = JSON.parse(plaintext.toString('utf8'));
  } catch {
    throw new ImportError(
      'IMPORT_MALFORMED',
      'This Tessera backup decrypted, but its contents are not readable.',
    );
  }
  const parsed = backupPayloadSchema.safeParse(json);
  if (!parsed.success)
    throw new ImportError(
      'IMPORT_MALFORMED',
      'This Tessera backup decrypted, but its contents are not valid.',
    );
  if (parsed.data.version > PAYLOAD_VERSION) {
    throw new ImportError(
      'IMPORT_UNSUPPORTED_VERSION',
      'This backup holds data from a newer Tessera; update Tessera to restore it.',
    );
  }
  return [...parsed.data.accounts].sort((a, b) => a.position - b.position);
}

/** Tessera's own encrypted backup, read like any other import format. */
export const tesseraBackupFormat: ImportFormat = {
  id: 'tessera-backup',
  detect: (_bytes, text) => text !== undefined && SNIFF.test(text),
  async parse(_bytes, text, options) {
    const envelope = readEnvelope(text ?? '');
    if (!options.password) {
      throw new ImportError(
        'IMPORT_PASSWORD_REQUIRED',
        'This Tessera backup is encrypted: enter its password.',
      );
    }
    const accounts = readPayload(await decryptPayload(envelope, options.password));
    return { format: 'Tessera backup (encrypted)', entries: accounts.map(toEntry) };
  },
};

export { BACKUP_FORMAT };
