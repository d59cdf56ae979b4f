import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file only its owner can read (0600). Without `replace` an existing path (even a
 * dangling symlink) is refused with EEXIST. With it, the data goes to a new file in the same
 * directory which is then renamed over the path: the old file, or a symlink, is replaced and
 * never written through, and a reader sees the old or the new file, never half of one.
 */
export async function writeSecretFile(
  file: string,
  data: string | Uint8Array,
  replace: boolean,
): Promise<void> {
  if (!replace) {
    const handle = await open(file, 'wx', 0o600);
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
    return;
  }
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    await rename(temp, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
