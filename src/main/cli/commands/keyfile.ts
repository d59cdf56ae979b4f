import { Command } from 'commander';
import { resolve } from 'node:path';
import { createKeyFile } from '../../keychain/key-file';

/** `tessera keyfile create F`: a master key file (0600) for machines without a Secret Service. */
export function keyfileCommand(): Command {
  const keyfile = new Command('keyfile').description('master key files for headless servers');
  keyfile.addCommand(
    new Command('create')
      .description(
        'write a new random master key to a file readable only by you (never overwrites)',
      )
      .argument('<file>')
      .action(async (file: string) => {
        await createKeyFile(file);
        process.stdout.write(
          `Wrote a new master key to ${resolve(file)} (mode 0600). Back it up: without it the database cannot be opened.\n`,
        );
        process.stdout.write(`Use it with --key-file ${file} or TESSERA_KEY_FILE.\n`);
      }),
  );
  return keyfile;
}
