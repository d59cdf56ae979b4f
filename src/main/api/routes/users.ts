import { putUserBodySchema, userParamsSchema, userViewSchema } from '../../../shared/api';
import { defineRoute, type Route } from '../route';
import { callerOf, type MfaServices } from '../../mfa/mfa-services';

export function userRoutes(s: MfaServices): Route[] {
  return [
    defineRoute({
      method: 'PUT',
      url: '/v1/users/:userId',
      auth: 'client',
      tag: 'users',
      summary: 'Create or update a user of this API client.',
      schemas: { params: userParamsSchema, body: putUserBodySchema },
      responses: {
        200: { description: 'Updated.', schema: userViewSchema },
        201: { description: 'Created.', schema: userViewSchema },
      },
      errors: ['VALIDATION_FAILED'],
      async handler({ params, body, principal }) {
        const { created, user } = await s.users.put(callerOf(principal), params.userId, body);
        return { status: created ? 201 : 200, body: user };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/v1/users/:userId',
      auth: 'client',
      tag: 'users',
      summary: 'A user, its MFA state and what the policy asks of it.',
      schemas: { params: userParamsSchema },
      responses: { 200: { description: 'The user.', schema: userViewSchema } },
      errors: ['USER_NOT_FOUND'],
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await s.users.get(callerOf(principal), params.userId),
      }),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/v1/users/:userId',
      auth: 'client',
      tag: 'users',
      summary: 'Delete a user with its factor, backup codes and pending enrollment.',
      schemas: { params: userParamsSchema },
      responses: { 204: { description: 'Deleted.' } },
      errors: ['USER_NOT_FOUND'],
      async handler({ params, principal }) {
        await s.users.delete(callerOf(principal), params.userId);
        return { status: 204 };
      },
    }),
  ];
}
