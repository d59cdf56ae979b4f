import { readFile } from 'node:fs/promises';
import { TesseraError } from '../../shared/errors';

export async function readPasswordFile(file: string | undefined): Promise<string | undefined> {
  if (!file) return undefined;
  try {
    // The first line only: `echo pw > file` leaves a newline that is not part of the password.
    return (await readFile(file, 'utf8')).split(/\r?\n/)[0];
  } catch {
    throw new TesseraError('IMPORT_FAILED', `Cannot read the password file ${file}.`);
  }
}
