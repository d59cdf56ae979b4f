import { formatBackupCode, generateBackupCodes } from '../mfa/backup-codes';
import type { MfaContext } from '../mfa/mfa-context';
import { MfaError, userNotFound } from '../mfa/mfa-error';
import { createClientRepository } from './client-repository';

/**
 * An admin's new set of backup codes for a user who lost theirs. Unlike the API's step-up route
 * it needs no code from the user: the admin vouches for them, and the audit names the admin.
 */
const notEnrolled = (userId: string) =>
  new MfaError(
    'NOT_ENROLLED',
    `${userId.slice(0, 128)} has no confirmed authenticator, so there are no backup codes to replace.`,
  );

export function createAdminBackupCodes(ctx: MfaContext) {
  const clients = createClientRepository(ctx.db);
  return {
    async regenerate(clientId: string, userId: string, actor: string): Promise<string[]> {
      const client = clients.get(clientId);
      if (!client) throw new MfaError('CLIENT_NOT_FOUND', `No API client "${clientId}".`);
      const row = ctx.users.find(clientId, userId);
      if (!row) throw userNotFound(userId);
      if (row.totp_factor_id === null) throw notEnrolled(userId);
      const factorId = row.totp_factor_id;
      // Hashing is done before the write job so the write lock is held only for the inserts.
      const codes = generateBackupCodes(client.policy_backup_code_count);
      const hashes = codes.map((code) => ctx.keys.backupCodeHash(row.pk, code));
      const applied = await ctx.writes.run(() => {
        // A reset between the read and this job would leave codes for a factor that is gone.
        if (ctx.users.findByPk(row.pk)?.totp_factor_id !== factorId) return false;
        ctx.factors.replaceCodes(row.pk, hashes);
        ctx.users.setBackupCount(row.pk, hashes.length);
        ctx.record({
          actor,
          clientId,
          userId,
          event: 'backup_codes.regenerated',
          outcome: 'success',
          detail: { count: hashes.length },
        });
        return true;
      });
      if (!applied) throw notEnrolled(userId);
      return codes.map(formatBackupCode);
    },
  };
}

export type AdminBackupCodes = ReturnType<typeof createAdminBackupCodes>;
