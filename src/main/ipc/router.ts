import type { z } from 'zod';
import { contract, isChannel, type RpcResponse } from '../../shared/contract';
import { TesseraError } from '../../shared/errors';
import type { Handlers } from '../../shared/contract/handlers';
import { zodIssues } from '../../shared/resolve-account';

export type { Handlers };

export type Router = (channel: unknown, payload: unknown) => Promise<RpcResponse>;

function toErrorResponse(error: unknown): RpcResponse {
  if (error instanceof TesseraError) return { ok: false, error: error.toPayload() };
  // Unknown failures may carry anything in their message; never pass it across the boundary.
  console.error('tessera: internal error:', error instanceof Error ? error.name : typeof error);
  return {
    ok: false,
    error: { code: 'INTERNAL', message: 'Something went wrong inside Tessera.' },
  };
}

/** A rule's own error code (e.g. TAG_TOO_LONG), carried in the first issue's `params.code`. */
function specificCode(error: z.ZodError): string | undefined {
  const first = error.issues[0];
  const code =
    first?.code === 'custom' ? (first.params as { code?: unknown } | undefined)?.code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * The one place where a contract channel becomes a service call. Both transports call this;
 * input and output are validated against the contract on every call.
 */
export function createRouter(handlers: Handlers): Router {
  return async (channel, payload) => {
    try {
      if (!isChannel(channel)) {
        throw new TesseraError(
          'UNKNOWN_CHANNEL',
          `Unknown channel "${String(channel).slice(0, 64)}".`,
        );
      }
      const spec = contract[channel];
      const input = spec.input.safeParse(payload ?? {});
      if (!input.success) {
        const fields = zodIssues(input.error);
        throw new TesseraError(
          specificCode(input.error) ?? 'VALIDATION_FAILED',
          fields[0]?.message ?? 'Invalid input.',
          fields,
        );
      }
      const handler = handlers[channel] as (input: unknown) => unknown;
      const output = spec.output.parse(await handler(input.data));
      return { ok: true, data: output };
    } catch (error) {
      return toErrorResponse(error);
    }
  };
}
