import { z } from 'zod';

/** C0 controls and DEL: never meaningful in a name or id, and a way to forge log lines. */
export function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

const noControl = (what: string, max: number) =>
  z
    .string()
    .max(max, `${what} must be at most ${max} characters.`)
    .refine((v) => !hasControlCharacters(v), `${what} must not contain control characters.`);

/** An application's own identifier for its user: opaque to Tessera, unique per API client. */
export const userIdSchema = noControl('userId', 128).min(1, 'userId must not be empty.');

export const userParamsSchema = z.object({ userId: userIdSchema });

export const putUserBodySchema = z
  .strictObject({
    displayName: noControl('displayName', 200).optional(),
    email: z.email('email must be an e-mail address.').max(254).optional(),
  })
  .meta({ id: 'PutUserBody' });

export const mfaStatusSchema = z.enum(['none', 'pending', 'enrolled']);
export const policyModeSchema = z.enum(['OFF', 'OPTIONAL', 'REQUIRED']);
export type PolicyMode = z.infer<typeof policyModeSchema>;

export const mfaStateSchema = z.object({
  status: mfaStatusSchema,
  methods: z.array(z.enum(['totp', 'backup_code'])),
  backupCodesRemaining: z.number().int(),
  lockedUntil: z
    .string()
    .nullable()
    .describe('ISO 8601; far future (9999) when only an admin can unlock.'),
  consecutiveFailures: z.number().int(),
  lastVerifiedAt: z.string().nullable(),
});

export const userViewSchema = z
  .object({
    userId: z.string(),
    displayName: z.string().nullable(),
    email: z.string().nullable(),
    mfa: mfaStateSchema,
    policy: z.object({
      mode: policyModeSchema,
      enrollmentRequired: z
        .boolean()
        .describe('REQUIRED policy and not enrolled: the user must enroll before access.'),
    }),
  })
  .meta({ id: 'User' });
export type UserView = z.infer<typeof userViewSchema>;
