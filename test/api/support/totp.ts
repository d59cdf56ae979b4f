import { TOTP } from 'otpauth';
import type { Client } from './http';

/** An independent TOTP implementation (otpauth), so tests do not grade our code with our code. */
export function codeAt(secret: string, offsetSteps = 0, now = Date.now()): string {
  return new TOTP({ secret }).generate({ timestamp: now + offsetSteps * 30_000 });
}

export interface Enrolled {
  userId: string;
  secret: string;
  backupCodes: string[];
}

/** PUT user, start enrollment and confirm it with the current code; the next step is free for verify. */
export async function enrollUser(api: Client, userId: string): Promise<Enrolled> {
  const put = await api.put(`/v1/users/${encodeURIComponent(userId)}`, { displayName: userId });
  if (put.status !== 201 && put.status !== 200)
    throw new Error(`PUT user ${put.status} ${put.text}`);
  const start = await api.post(`/v1/users/${encodeURIComponent(userId)}/totp?qr=none`, {});
  if (start.status !== 201) throw new Error(`enroll ${start.status} ${start.text}`);
  const { enrollmentId, secret } = start.body as { enrollmentId: string; secret: string };
  const confirmWith = (offset: number) =>
    api.post(`/v1/users/${encodeURIComponent(userId)}/totp/confirm`, {
      enrollmentId,
      code: codeAt(secret, offset),
    });
  // The previous step's code leaves now and next free for the test; at a step boundary it may
  // just have left the window, then the current one is used.
  let confirm = await confirmWith(-1);
  if (confirm.status === 422) confirm = await confirmWith(0);
  if (confirm.status !== 200) throw new Error(`confirm ${confirm.status} ${confirm.text}`);
  return { userId, secret, backupCodes: (confirm.body as { backupCodes: string[] }).backupCodes };
}
