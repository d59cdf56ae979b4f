import { z } from 'zod';

export const MIN_MASTER_PASSWORD = 8;

export const masterPasswordSchema = z
  .string()
  .min(MIN_MASTER_PASSWORD, `Use a master password of at least ${MIN_MASTER_PASSWORD} characters.`)
  .max(1024, 'The master password is too long.');

/** What the unlock screen and settings need to know; never a key or a password. */
export const lockStatusSchema = z.object({
  /** `keychain`: no master password, the OS keychain alone unlocks. */
  protection: z.enum(['keychain', 'password']),
  locked: z.boolean(),
  /** Lock after this many idle seconds (0: never); applies while a master password is set. */
  autoLockSeconds: z.number().int(),
  /** Epoch ms before which a password will not be tried, after too many wrong ones. */
  retryAfter: z.number().nullable(),
});
export type LockStatus = z.infer<typeof lockStatusSchema>;

const statusOut = { output: lockStatusSchema } as const;

/** The app lock. Every `vault.*`, `recovery.*`, `import.*` and `export.*` call answers LOCKED while locked. */
export const lockChannels = {
  'lock.status': { input: z.object({}), ...statusOut },
  /** Password wrong: WRONG_PASSWORD; too many wrong in a row: UNLOCK_DELAYED until retryAfter. */
  'lock.unlock': { input: z.object({ password: z.string().max(1024) }), ...statusOut },
  'lock.lock': { input: z.object({}), ...statusOut },
  'lock.setPassword': { input: z.object({ password: masterPasswordSchema }), ...statusOut },
  'lock.changePassword': {
    input: z.object({ current: z.string().max(1024), password: masterPasswordSchema }),
    ...statusOut,
  },
  'lock.removePassword': { input: z.object({ current: z.string().max(1024) }), ...statusOut },
  'lock.setAutoLock': {
    input: z.object({
      seconds: z
        .number()
        .int()
        .min(0)
        .max(24 * 3600, 'Choose at most 24 hours.'),
    }),
    ...statusOut,
  },
  /** The person is active (key press, click): restarts the idle time. */
  'lock.activity': { input: z.object({}), output: z.object({}) },
} as const;
