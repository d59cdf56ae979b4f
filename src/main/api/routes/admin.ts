import {
  adminAuditQuerySchema,
  adminUserPageSchema,
  adminUserSchema,
  adminUsersQuerySchema,
  auditPageSchema,
  clientParamsSchema,
  clientUserParamsSchema,
  policySchema,
} from '../../../shared/api';
import { defineRoute, type Route } from '../route';
import type { MfaServices } from '../../mfa/mfa-services';

const actor = (clientId: string) => `admin:${clientId}`;

export function adminRoutes(s: MfaServices): Route[] {
  const userAction = (action: 'reset-mfa' | 'unlock', summary: string) =>
    defineRoute({
      method: 'POST',
      url: `/v1/admin/clients/:clientId/users/:userId/${action}`,
      auth: 'admin',
      tag: 'admin',
      summary,
      schemas: { params: clientUserParamsSchema },
      responses: { 200: { description: 'The user after the change.', schema: adminUserSchema } },
      errors: ['CLIENT_NOT_FOUND', 'USER_NOT_FOUND'],
      async handler({ params, principal }) {
        const by = actor(principal.clientId);
        const user =
          action === 'unlock'
            ? await s.admin.unlock(params.clientId, params.userId, by)
            : await s.admin.resetMfa(params.clientId, params.userId, by);
        return { status: 200, body: user };
      },
    });
  return [
    defineRoute({
      method: 'GET',
      url: '/v1/admin/users',
      auth: 'admin',
      tag: 'admin',
      summary: 'Users of every client, filtered and paged (newest cursor from nextCursor).',
      schemas: { query: adminUsersQuerySchema },
      responses: { 200: { description: 'A page of users.', schema: adminUserPageSchema } },
      errors: ['VALIDATION_FAILED'],
      handler: async ({ query }) => ({ status: 200, body: await s.admin.users(query) }),
    }),
    userAction(
      'reset-mfa',
      "Remove a user's factor, backup codes, pending enrollment and lock (lost device).",
    ),
    userAction('unlock', 'Clear the failure counter and lock of a user.'),
    defineRoute({
      method: 'GET',
      url: '/v1/admin/audit',
      auth: 'admin',
      tag: 'admin',
      summary: 'Audit events, newest first. Never contains a code, secret or key.',
      schemas: { query: adminAuditQuerySchema },
      responses: { 200: { description: 'A page of events.', schema: auditPageSchema } },
      errors: ['VALIDATION_FAILED'],
      handler: async ({ query }) => ({ status: 200, body: await s.admin.audit(query) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/admin/clients/:clientId/policy',
      auth: 'admin',
      tag: 'admin',
      summary: "A client's MFA policy.",
      schemas: { params: clientParamsSchema },
      responses: { 200: { description: 'The policy.', schema: policySchema } },
      errors: ['CLIENT_NOT_FOUND'],
      handler: async ({ params }) => ({
        status: 200,
        body: await s.clients.getPolicy(params.clientId),
      }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/v1/admin/clients/:clientId/policy',
      auth: 'admin',
      tag: 'admin',
      summary: "Set a client's MFA policy (mode, window, maxFailures, backupCodeCount).",
      schemas: { params: clientParamsSchema, body: policySchema },
      responses: { 200: { description: 'The new policy.', schema: policySchema } },
      errors: ['VALIDATION_FAILED', 'CLIENT_NOT_FOUND'],
      async handler({ params, body, principal }) {
        return {
          status: 200,
          body: await s.clients.putPolicy(params.clientId, body, actor(principal.clientId)),
        };
      },
    }),
  ];
}
