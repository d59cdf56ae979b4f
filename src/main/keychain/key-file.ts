import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { TesseraError } from '../../shared/errors';
import { MASTER_KEY_BYTES } from './master-key';

/**
 * A master key kept in a file, for headless servers without a Secret Service. The file must be
 * private to its owner: a key anyone can read protects nothing.
 */
export async function readKeyFile(path: string): Promise<Buffer> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new TesseraError(
      'KEY_FILE_INVALID',
      `The key file ${path} does not exist. Create one with \`tessera keyfile create ${path}\`.`,
    );
  }
  if (process.platform !== 'win32' && (stat.mode & 0o077) !== 0) {
    throw new TesseraError(
      'KEY_FILE_PERMISSIONS',
      `The key file ${path} can be read by other users (mode ${(stat.mode & 0o777).toString(8)}). ` +
        `Run \`chmod 600 ${path}\`.`,
    );
  }
  const key = Buffer.from((await fs.readFile(path, 'utf8')).trim(), 'base64');
  if (key.length !== MASTER_KEY_BYTES) {
    throw new TesseraError(
      'KEY_FILE_INVALID',
      `The key file ${path} does not hold a Tessera master key (expected ${MASTER_KEY_BYTES} bytes in base64).`,
    );
  }
  return key;
}

export async function createKeyFile(path: string): Promise<void> {
  try {
    await fs.writeFile(path, randomBytes(MASTER_KEY_BYTES).toString('base64') + '\n', {
      mode: 0o600,
      flag: 'wx',
    });
  } catch (error) {
    const exists = (error as NodeJS.ErrnoException).code === 'EEXIST';
    throw new TesseraError(
      'KEY_FILE_INVALID',
      exists
        ? `${path} already exists; Tessera never overwrites a key file.`
        : `Cannot create the key file ${path}: ${(error as Error).message}`,
    );
  }
}
