import { z } from 'zod';
import {
  accountCodeSchema,
  accountInputSchema,
  accountNameSchema,
  accountViewSchema,
  issuerSchema,
} from '../account';
import { noteSchema, tagListSchema } from '../organisation';

const idSchema = z.object({ id: z.string().min(1).max(64) });

export const vaultChannels = {
  'vault.list': { input: z.object({}), output: z.array(accountViewSchema) },
  /** Codes for the given accounts (all when omitted) at the host's current time. */
  'vault.codes': {
    input: z.object({ ids: z.array(z.string().max(64)).max(10_000).optional() }),
    output: z.object({ now: z.number(), codes: z.array(accountCodeSchema) }),
  },
  'vault.add': { input: accountInputSchema, output: accountViewSchema },
  'vault.addUri': {
    input: z.object({ uri: z.string().max(4096, 'The link is too long.') }),
    output: accountViewSchema,
  },
  'vault.update': {
    /** `note` and `tags` are left as they are when omitted. */
    input: idSchema.extend({
      issuer: issuerSchema,
      name: accountNameSchema,
      note: noteSchema.optional(),
      tags: tagListSchema.optional(),
    }),
    output: accountViewSchema,
  },
  'vault.delete': { input: idSchema, output: z.object({ deleted: z.literal(true) }) },
  /** HOTP: advances the counter durably and returns the code for the new counter value. */
  'vault.hotpNext': { input: idSchema, output: accountCodeSchema },
} as const;
