import type { z } from 'zod';
import type { Channel, ChannelOutput, contract } from './index';

/**
 * What main implements for each channel. A type of the contract, so that the services' handler
 * factories (vault, import, admin console) need nothing from the IPC layer above them.
 */
export type Handlers = {
  [C in Channel]: (
    input: z.output<(typeof contract)[C]['input']>,
  ) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};
