import type { MfaServices } from '../mfa-services';
import { base32ToBytes } from '../../../shared/secret';
import { totpCodeAt } from '../../testing/totp-code';
import type { Caller } from '../caller';
import { stepAt } from '../totp';

/** Enrolls a TOTP factor for `userId` through the services, confirmed at `nowMs`; its secret. */
export async function enrollTotp(
  s: MfaServices,
  caller: Caller,
  userId: string,
  nowMs: number,
): Promise<Buffer> {
  const start = await s.enrollment.start(caller, userId, {}, false);
  const secret = Buffer.from(base32ToBytes(start.secret));
  await s.enrollment.confirm(caller, userId, start.enrollmentId, totpCodeAt(secret, stepAt(nowMs)));
  return secret;
}
