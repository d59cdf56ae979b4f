import { z } from 'zod';

export const appChannels = {
  'app.info': {
    input: z.object({}),
    output: z.object({
      version: z.string(),
      mode: z.enum(['electron', 'web']),
      dataDir: z.string(),
    }),
  },
} as const;
