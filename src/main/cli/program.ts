import { Command } from 'commander';
import { APP_VERSION } from '../app';
import { webCommand } from './commands/web';

/** `tessera`: the plain-Node entry (no Electron). Each command lives in ./commands. */
export function buildProgram(): Command {
  return new Command('tessera')
    .description('Tessera: desktop authenticator and local MFA server')
    .version(APP_VERSION)
    .showHelpAfterError()
    .addCommand(webCommand());
}
