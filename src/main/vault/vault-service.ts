import type { AccountCode, AccountInput, AccountView } from '../../shared/account';
import { TesseraError } from '../../shared/errors';
import { parseOtpauthUri } from '../../shared/otpauth-uri';
import { resolveAccountInput } from '../../shared/resolve-account';
import { base32ToBytes } from '../../shared/secret';
import { orderAccounts } from '../../shared/order-accounts';
import type { Organisation } from '../../shared/organisation';
import { codeAtStep, hotpCode, timeStep } from '../core/otp';
import { toView, type AccountRepository, type StoredAccount } from './account-repository';
import type { OrganisationRepository } from './organisation-repository';

export type Clock = () => number;

function notFound(): TesseraError {
  return new TesseraError('NOT_FOUND', 'That account no longer exists.');
}

/** Codes are computed here, in main, so secrets never leave the process. */
export function codesFor(account: StoredAccount, now: number): AccountCode {
  const secret = base32ToBytes(account.secret);
  if (account.type === 'hotp') {
    const current = hotpCode(secret, account.counter, account.algorithm, account.digits);
    const next = hotpCode(secret, account.counter + 1, account.algorithm, account.digits);
    return { id: account.id, current, next, validFrom: now, validUntil: Number.MAX_SAFE_INTEGER };
  }
  const step = timeStep(now, account.period);
  const periodMs = account.period * 1000;
  return {
    id: account.id,
    current: codeAtStep({ ...account, secret }, step),
    next: codeAtStep({ ...account, secret }, step + 1),
    validFrom: step * periodMs,
    validUntil: (step + 1) * periodMs,
  };
}

export function createVaultService(
  repository: AccountRepository,
  clock: Clock,
  organisation: OrganisationRepository,
) {
  const isoNow = () => new Date(clock()).toISOString();
  const getOrThrow = (id: string): StoredAccount => {
    const account = repository.get(id);
    if (!account) throw notFound();
    return account;
  };

  const renameAndOrganise = (
    id: string,
    issuer: string,
    name: string,
    changes: Partial<Organisation>,
  ): boolean =>
    organisation.atomically(
      () =>
        repository.rename(id, issuer, name, isoNow()) &&
        (Object.keys(changes).length === 0 || organisation.patch(id, changes)),
    );

  return {
    /** Favourites pinned on top, then the manual order. */
    list(): AccountView[] {
      const organised = organisation.all();
      const views = repository.list().map((a) => toView(a, organised.get(a.id)));
      return orderAccounts(views, 'manual');
    },
    codes(ids?: string[]): { now: number; codes: AccountCode[] } {
      const now = clock();
      const accounts = ids ? repository.getMany(ids) : repository.list();
      return { now, codes: accounts.map((a) => codesFor(a, now)) };
    },
    add(input: AccountInput): AccountView {
      const [stored] = repository.insertMany([resolveAccountInput(input)], isoNow());
      return toView(stored!);
    },
    addUri(uri: string): AccountView {
      const [stored] = repository.insertMany([parseOtpauthUri(uri)], isoNow());
      return toView(stored!);
    },
    /** Renames; also sets the note and tags when given, in the same transaction. */
    update(
      id: string,
      issuer: string,
      name: string,
      extra: { note?: string | undefined; tags?: string[] | undefined } = {},
    ): AccountView {
      if (issuer === '' && name === '') {
        throw new TesseraError('VALIDATION_FAILED', 'Enter an account name or an issuer.', [
          { path: ['name'], message: 'Enter an account name or an issuer.' },
        ]);
      }
      const changes = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
      if (!renameAndOrganise(id, issuer, name, changes)) throw notFound();
      return toView(getOrThrow(id), organisation.get(id));
    },
    delete(id: string): { deleted: true } {
      if (!repository.remove(id)) throw notFound();
      return { deleted: true };
    },
    hotpNext(id: string): AccountCode {
      if (getOrThrow(id).type !== 'hotp') {
        throw new TesseraError(
          'VALIDATION_FAILED',
          'Only counter-based (HOTP) accounts have a next code to advance to.',
        );
      }
      const advanced = repository.advanceCounter(id, isoNow());
      if (!advanced) throw notFound();
      return codesFor(advanced, clock());
    },
  };
}

export type VaultService = ReturnType<typeof createVaultService>;
