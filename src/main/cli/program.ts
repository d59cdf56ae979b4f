import { Command } from 'commander';
import { APP_VERSION } from '../app';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { webCommand } from './commands/web';
import { serveCommand } from './commands/serve';
import { clientsCommand } from './commands/clients';
import { keyfileCommand } from './commands/keyfile';
import { codeCommand, listCommand } from './commands/code';

/** `tessera`: the plain-Node entry (no Electron). Each command lives in ./commands. */
export function buildProgram(): Command {
  return new Command('tessera')
    .description('Tessera: desktop authenticator and local MFA server')
    .version(APP_VERSION)
    .showHelpAfterError()
    .addCommand(webCommand())
    .addCommand(serveCommand())
    .addCommand(clientsCommand())
    .addCommand(keyfileCommand())
    .addCommand(importCommand())
    .addCommand(exportCommand())
    .addCommand(listCommand())
    .addCommand(codeCommand());
}
