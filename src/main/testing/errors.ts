import type { App } from '../app';
import { TesseraError } from '../../shared/errors';

/** The code of the TesseraError that `run` throws, or 'NO_ERROR'. Anything else is rethrown. */
export function errorCodeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TesseraError) return error.code;
    throw error;
  }
  return 'NO_ERROR';
}

/** Calls a contract channel the way a front end does and returns its data, or throws its error. */
export async function rpc<T>(app: App, channel: string, input: unknown): Promise<T> {
  const response = await app.router('web')(channel, input);
  if (!response.ok) throw TesseraError.fromPayload(response.error);
  return response.data as T;
}

/** Calls a channel that must fail and returns its error payload. */
export async function rpcError(
  app: App,
  channel: string,
  input: unknown,
): Promise<{ code: string; message: string }> {
  const response = await app.router('web')(channel, input);
  if (response.ok) throw new Error(`expected ${channel} to fail`);
  return response.error;
}
