import { Command, InvalidArgumentError } from 'commander';
import type { Scope } from '../../mfa/clients-service';
import type { MfaServices } from '../../mfa/mfa-services';
import { hasControlCharacters } from '../../../shared/api';
import { withMfaServer } from '../open-mfa-server';
import { configFrom, withServerOptions, type StoreFlags } from '../store-options';

const withServices = <T>(flags: StoreFlags, run: (services: MfaServices) => Promise<T> | T) =>
  withMfaServer(configFrom(flags), run);

function parseScope(value: string): Scope {
  if (value !== 'client' && value !== 'admin')
    throw new InvalidArgumentError('expected "client" or "admin".');
  return value;
}

function parseName(value: string): string {
  const name = value.trim();
  if (name.length === 0 || name.length > 100 || hasControlCharacters(name)) {
    throw new InvalidArgumentError('expected a name of 1-100 printable characters.');
  }
  return name;
}

/** `tessera clients create|list|revoke`: API keys of the verification API. */
export function clientsCommand(): Command {
  const clients = new Command('clients').description(
    'manage API clients (keys) of the verification API',
  );
  clients.addCommand(
    withServerOptions(
      new Command('create')
        .description('create an API client and print its key (shown only this once)')
        .argument('<name>', 'a name for the application, e.g. "intranet"', parseName)
        .option(
          '--scope <scope>',
          'client (its own users) or admin (all users, policy, audit)',
          parseScope,
          'client' as Scope,
        )
        .option('--json', 'print JSON'),
    ).action((name: string, flags: StoreFlags & { scope: Scope; json?: boolean }) =>
      withServices(flags, async (s) => {
        const created = await s.clients.create(name, flags.scope);
        if (flags.json) process.stdout.write(JSON.stringify(created) + '\n');
        else {
          process.stdout.write(
            `Created ${created.scope} client ${created.id} (${created.name}).\n`,
          );
          process.stdout.write(`API key (shown only now; store it safely):\n${created.key}\n`);
        }
      }),
    ),
  );
  clients.addCommand(
    withServerOptions(
      new Command('list')
        .description('list API clients (never their keys)')
        .option('--json', 'print JSON'),
    ).action((flags: StoreFlags & { json?: boolean }) =>
      withServices(flags, async (s) => {
        const list = await s.clients.list();
        if (flags.json) process.stdout.write(JSON.stringify(list) + '\n');
        else if (list.length === 0)
          process.stdout.write(
            'No API clients. Create one with `tessera clients create <name>`.\n',
          );
        else {
          for (const c of list) {
            process.stdout.write(
              `${c.id}  ${c.scope.padEnd(6)}  ${c.revokedAt ? 'revoked' : 'active '}  ${c.createdAt}  ${c.name}\n`,
            );
          }
        }
      }),
    ),
  );
  clients.addCommand(
    withServerOptions(
      new Command('revoke')
        .description('revoke an API client: its key stops working at once')
        .argument('<id>'),
    ).action((id: string, flags: StoreFlags) =>
      withServices(flags, async (s) => {
        await s.clients.revoke(id);
        process.stdout.write(`Revoked ${id}.\n`);
      }),
    ),
  );
  return clients;
}
