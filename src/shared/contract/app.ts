import { z } from 'zod';

/** The verification API beside the app: a port another program holds is shown, not hidden. */
export const apiStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('off') }),
  z.object({ state: z.literal('listening'), url: z.string() }),
  z.object({ state: z.literal('failed'), code: z.string(), message: z.string() }),
]);
export type ApiStatus = z.infer<typeof apiStatusSchema>;

export const appChannels = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      dataDir: z.string(),
      api: apiStatusSchema,
    }),
  },
} as const;
