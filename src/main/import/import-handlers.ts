import QRCode from 'qrcode';
import { TesseraError } from '../../shared/errors';
import { formatOtpauthUri } from '../../shared/otpauth-uri';
import { exportEncryptedBackup, exportUriList } from '../backup/backup-export';
import type { Handlers } from '../../shared/contract/handlers';
import type { AccountRepository } from '../vault/account-repository';
import type { RecoveryCodeRepository } from '../vault/recovery/recovery-code-repository';
import { backupAccounts } from '../backup/backup-accounts';
import type { OrganisationRepository } from '../vault/organisation-repository';
import { createImportService } from './import-service';
import { workerParser } from './worker/parse-in-worker';
import type { WorkerLimits } from './worker/run-worker';

type TransferChannel =
  | 'import.previewFile'
  | 'import.cancelParse'
  | 'import.previewTexts'
  | 'import.confirm'
  | 'import.cancel'
  | 'export.backup'
  | 'export.uris'
  | 'export.accountQr';

function dateStamp(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Router handlers for import, export and per-account QR; app.ts spreads them into its router. */
export function transferHandlers(
  repository: AccountRepository,
  recoveryCodes: RecoveryCodeRepository,
  organisation: OrganisationRepository,
  clock: () => number,
  appVersion: string,
  /** Subscribes to the app lock: previews hold secrets, and are forgotten when it locks. */
  onLock: (listener: () => void) => void,
  importLimits?: WorkerLimits,
): Pick<Handlers, TransferChannel> {
  const imports = createImportService(
    repository,
    recoveryCodes,
    organisation,
    clock,
    workerParser(importLimits),
  );
  onLock(() => imports.forgetAll());
  return {
    'import.previewFile': ({ dataBase64, fileName, password, appendTo, format, parseId }) =>
      imports.previewFile(
        { base64: dataBase64 },
        {
          fileName,
          password,
          appendTo,
          format,
          parseId,
        },
      ),
    'import.cancelParse': ({ parseId }) => imports.cancelParse(parseId),
    'import.previewTexts': ({ texts, appendTo }) => imports.previewTexts(texts, appendTo),
    'import.confirm': ({ id, exclude, includeDuplicates }) =>
      imports.confirm(id, { exclude, includeDuplicates }),
    'import.cancel': ({ id }) => imports.cancel(id),
    'export.backup': async ({ password }) => {
      const now = clock();
      const bytes = await exportEncryptedBackup(
        backupAccounts(repository, recoveryCodes, organisation),
        {
          password,
          now: new Date(now),
          appVersion,
        },
      );
      return {
        fileName: `tessera-backup-${dateStamp(now)}.tessera`,
        dataBase64: bytes.toString('base64'),
      };
    },
    'export.uris': () => ({
      fileName: `tessera-otpauth-${dateStamp(clock())}.txt`,
      text: exportUriList(repository.list()),
    }),
    'export.accountQr': async ({ id }) => {
      const account = repository.get(id);
      if (!account) throw new TesseraError('NOT_FOUND', 'That account no longer exists.');
      const uri = formatOtpauthUri(account);
      return {
        uri,
        svg: await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }),
      };
    },
  };
}
