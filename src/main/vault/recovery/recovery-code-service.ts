import type { RecoverySummary } from '../../../shared/contract/recovery';
import { TesseraError } from '../../../shared/errors';
import { normalizeRecoveryCode, parseRecoveryCodes } from '../../../shared/recovery-codes';
import type { AccountRepository } from '../account-repository';
import type { RecoveryCodeRepository } from './recovery-code-repository';

function notFound(what: 'account' | 'code'): TesseraError {
  return new TesseraError(
    'NOT_FOUND',
    what === 'account' ? 'That account no longer exists.' : 'That recovery code no longer exists.',
  );
}

/** Recovery codes per account: paste, reveal, mark used (once, durably), find. */
export function createRecoveryCodeService(
  codes: RecoveryCodeRepository,
  accounts: AccountRepository,
  clock: () => number,
) {
  const isoNow = () => new Date(clock()).toISOString();
  const summary = (accountId: string): RecoverySummary => {
    const states = codes.states(accountId);
    return {
      accountId,
      total: states.length,
      left: states.filter((c) => c.usedAt === null).length,
      codes: states.map(({ id, position, usedAt }) => ({ id, position, usedAt })),
    };
  };
  const existing = (accountId: string) => {
    if (!accounts.exists(accountId)) throw notFound('account');
    return accountId;
  };

  return {
    summary: (accountId: string) => summary(existing(accountId)),
    save(accountId: string, text: string): RecoverySummary {
      existing(accountId);
      const parsed = parseRecoveryCodes(text);
      const seen = new Map<string, number>();
      parsed.forEach((code, i) => {
        const first = seen.get(normalizeRecoveryCode(code));
        if (first !== undefined) {
          throw new TesseraError(
            'VALIDATION_FAILED',
            `Codes ${first + 1} and ${i + 1} are the same code.`,
            [{ path: ['text'], message: `Codes ${first + 1} and ${i + 1} are the same code.` }],
          );
        }
        seen.set(normalizeRecoveryCode(code), i);
      });
      codes.replace(
        accountId,
        parsed.map((code) => ({ code, usedAt: null })),
        isoNow(),
      );
      return summary(accountId);
    },
    reveal: (accountId: string) => ({ codes: codes.reveal(existing(accountId)) }),
    markUsed(id: string): RecoverySummary {
      const marked = codes.markUsed(id, isoNow());
      if (marked) return summary(marked.accountId);
      if (!codes.get(id)) throw notFound('code');
      throw new TesseraError('ALREADY_USED', 'That recovery code is already marked used.');
    },
    find(code: string) {
      const found = codes.find(code);
      return {
        match: found
          ? { accountId: found.accountId, codeId: found.id, usedAt: found.usedAt }
          : null,
      };
    },
  };
}

export type RecoveryCodeService = ReturnType<typeof createRecoveryCodeService>;
