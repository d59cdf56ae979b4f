import { z } from 'zod';
import {
  adminAuditQuerySchema,
  adminUserPageSchema,
  adminUserSchema,
  adminUsersQuerySchema,
  auditPageSchema,
  clientIdSchema,
  clientUserParamsSchema,
  hasControlCharacters,
  policySchema,
} from '../api';

/**
 * The admin console: the same operations as the API's /v1/admin routes (and the same schemas),
 * called by the person at the desktop instead of by an admin key. Audit events name the actor
 * `console`.
 */
export const clientScopeSchema = z.enum(['client', 'admin'], 'scope must be "client" or "admin".');
export type ClientScope = z.infer<typeof clientScopeSchema>;

export const clientViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: clientScopeSchema,
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  policy: policySchema,
});
export type ClientView = z.infer<typeof clientViewSchema>;

const clientNameSchema = z
  .string('name must be a string.')
  .trim()
  .min(1, 'Name must not be empty.')
  .max(100, 'Name must be at most 100 characters.')
  .refine((v) => !hasControlCharacters(v), 'Name must not contain control characters.');

export type AdminUser = z.infer<typeof adminUserSchema>;
export type { AuditEvent, Policy } from '../api';

export const adminChannels = {
  'admin.users': { input: adminUsersQuerySchema, output: adminUserPageSchema },
  'admin.user': { input: clientUserParamsSchema, output: adminUserSchema },
  'admin.resetMfa': { input: clientUserParamsSchema, output: adminUserSchema },
  'admin.unlock': { input: clientUserParamsSchema, output: adminUserSchema },
  /** The only answer that carries backup codes: shown once, for the admin to hand over. */
  'admin.regenerateBackupCodes': {
    input: clientUserParamsSchema,
    output: z.object({ user: adminUserSchema, backupCodes: z.array(z.string()) }),
  },
  'admin.audit': { input: adminAuditQuerySchema, output: auditPageSchema },
  'admin.clients': { input: z.object({}), output: z.array(clientViewSchema) },
  /** The only answer that carries an API key: shown once; Tessera keeps only its keyed hash. */
  'admin.createClient': {
    input: z.strictObject({ name: clientNameSchema, scope: clientScopeSchema }),
    output: clientViewSchema.extend({ key: z.string() }),
  },
  'admin.revokeClient': {
    input: z.strictObject({ clientId: clientIdSchema }),
    output: clientViewSchema,
  },
  'admin.policy': { input: z.strictObject({ clientId: clientIdSchema }), output: policySchema },
  'admin.setPolicy': {
    input: z.strictObject({ clientId: clientIdSchema, policy: policySchema }),
    output: policySchema,
  },
} as const;
