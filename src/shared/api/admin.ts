import { z } from 'zod';
import { mfaStatusSchema, policyModeSchema, userIdSchema, userViewSchema } from './users';

export const clientIdSchema = z
  .string()
  .regex(/^[a-z0-9]{1,32}$/, 'clientId must be 1-32 lower-case letters or digits.');
export const clientParamsSchema = z.object({ clientId: clientIdSchema });
export const clientUserParamsSchema = z.object({
  clientId: clientIdSchema,
  userId: userIdSchema,
});

const cursorSchema = z
  .string()
  .regex(/^\d{1,16}$/, 'cursor must be a value returned as nextCursor.');
const limitSchema = z.coerce.number('limit must be a number.').int().min(1).max(200).default(50);

export const adminUsersQuerySchema = z.strictObject({
  clientId: clientIdSchema.optional(),
  q: z.string().max(128).optional(),
  status: mfaStatusSchema.optional(),
  cursor: cursorSchema.optional(),
  limit: limitSchema,
});

export const adminUserSchema = userViewSchema
  .extend({ clientId: z.string() })
  .meta({ id: 'AdminUser' });
export const adminUserPageSchema = z
  .object({ items: z.array(adminUserSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AdminUserPage' });

export const AUDIT_EVENTS = [
  'user.created',
  'user.updated',
  'user.deleted',
  'totp.enroll_started',
  'totp.enroll_confirmed',
  'totp.enroll_failed',
  'verify.success',
  'verify.failure',
  'verify.replayed',
  'verify.locked',
  'lockout.engaged',
  'lockout.unlocked',
  'mfa.reset',
  'mfa.removed',
  'backup_codes.regenerated',
  'client.created',
  'client.revoked',
  'policy.updated',
] as const;
export type AuditEventName = (typeof AUDIT_EVENTS)[number];

export const adminAuditQuerySchema = z.strictObject({
  clientId: clientIdSchema.optional(),
  userId: userIdSchema.optional(),
  event: z.enum(AUDIT_EVENTS).optional(),
  since: z.iso
    .datetime({
      message: 'since must be an ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z.',
      offset: true,
    })
    .optional(),
  cursor: cursorSchema.optional(),
  limit: limitSchema,
});

export const auditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string().describe('client:<id>, admin:<id> or console'),
    clientId: z.string().nullable(),
    userId: z.string().nullable(),
    event: z.string(),
    outcome: z.enum(['success', 'failure']),
    detail: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .nullable(),
  })
  .meta({ id: 'AuditEvent' });
export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z
  .object({ items: z.array(auditEventSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'AuditPage' });

export const policySchema = z
  .strictObject({
    mode: policyModeSchema,
    window: z
      .number()
      .int()
      .min(0)
      // Each step more accepts two more codes per guess; past 2 the lockout would no longer bound
      // what guessing can reach (issue 16).
      .max(2, 'window must be 0, 1 or 2: more steps either side of now would make guessing easier.')
      .describe('Accepted time steps either side of now (at most 2).'),
    maxFailures: z
      .number()
      .int()
      .min(1)
      .max(100)
      .describe('Consecutive failures before the factor locks.'),
    backupCodeCount: z.number().int().min(0).max(20),
  })
  .meta({ id: 'Policy' });
export type Policy = z.infer<typeof policySchema>;
