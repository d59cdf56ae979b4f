import { Command } from 'commander';
import type { AccountCode, AccountView } from '../../../shared/account';
import { labelOf, searchAccounts } from '../../../shared/account-search';
import { TesseraError } from '../../../shared/errors';
import { copyToClipboard } from '../clipboard';
import { openUnlockedApp, type UnlockFlags } from '../unlocked-app';
import { withStoreOptions } from '../store-options';

interface CodeFlags extends UnlockFlags {
  json?: boolean;
  copy?: boolean;
}

const PASSWORD_FILE_HELP =
  'read the master password (when one is set) from the first line of this file';

function out(text: string): void {
  process.stdout.write(`${text}\n`);
}

function listLine(a: AccountView): string {
  return `${labelOf(a) || '(unnamed)'}  [${a.type}]`;
}

/** Seconds until the code changes; null for counter-based codes, which do not expire. */
export function secondsLeft(code: AccountCode, now: number): number | null {
  return code.validUntil === Number.MAX_SAFE_INTEGER
    ? null
    : Math.max(0, Math.ceil((code.validUntil - now) / 1000));
}

export async function runList(flags: CodeFlags): Promise<void> {
  const app = await openUnlockedApp(flags);
  try {
    const accounts = app.vault.list();
    if (flags.json) out(JSON.stringify(accounts, null, 2));
    else if (accounts.length === 0) out('No accounts yet.');
    else accounts.forEach((a) => out(listLine(a)));
  } finally {
    app.close();
  }
}

export async function runCode(query: string, flags: CodeFlags): Promise<void> {
  const app = await openUnlockedApp(flags);
  try {
    const matches = searchAccounts(app.vault.list(), query);
    if (matches.length === 0) {
      throw new TesseraError(
        'NO_MATCH',
        `No account matches "${query}". See them all with: tessera list`,
      );
    }
    if (matches.length > 1) {
      if (flags.json) out(JSON.stringify(matches, null, 2));
      else matches.forEach((a) => out(listLine(a)));
      throw new TesseraError(
        'AMBIGUOUS_QUERY',
        `"${query}" matches ${matches.length} accounts; give more of the name.`,
      );
    }
    const account = matches[0]!;
    const { now, codes } = app.vault.codes([account.id]);
    const code = codes[0]!;
    const left = secondsLeft(code, now);
    const tool = flags.copy ? await copyToClipboard(code.current) : undefined;
    const label = labelOf(account);
    if (flags.json) {
      out(
        JSON.stringify(
          {
            id: account.id,
            label,
            issuer: account.issuer,
            name: account.name,
            code: code.current,
            next: code.next,
            secondsLeft: left,
            copied: !!tool,
          },
          null,
          2,
        ),
      );
    } else if (tool) {
      out(`Copied the code for ${label}${left === null ? '' : ` (${left} s left)`}.`);
    } else {
      out(left === null ? `${code.current}  (counter-based)` : `${code.current}  (${left} s left)`);
    }
  } finally {
    app.close();
  }
}

export function listCommand(): Command {
  return withStoreOptions(
    new Command('list')
      .description('list the accounts in the vault (never their secrets)')
      .option('--json', 'print JSON')
      .option('--password-file <file>', PASSWORD_FILE_HELP),
  ).action((flags: CodeFlags) => runList(flags));
}

export function codeCommand(): Command {
  return withStoreOptions(
    new Command('code')
      .description('print the current code of the one account matching <query>')
      .argument('<query>', 'part of the issuer or account name')
      .option('--copy', 'copy the code to the system clipboard instead of printing it')
      .option('--json', 'print JSON')
      .option('--password-file <file>', PASSWORD_FILE_HELP),
  ).action((query: string, flags: CodeFlags) => runCode(query, flags));
}
