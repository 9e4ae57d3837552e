// The wrapper every handler goes through: an exception is logged and answered with the
// handler's empty result, so no request or notification can take the server down. A `ResponseError` is a
// deliberate answer (a refused rename, a cancelled diagnostic pull) and passes through unchanged.

import { ResponseError, type CancellationToken } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  info(message: string): void;
}

/** Thrown when the document moved on or the request was cancelled while it waited: not a failure. */
export class StaleRequest extends Error {
  constructor(readonly reason: 'cancelled' | 'stale') {
    super(reason === 'cancelled' ? 'The request was cancelled.' : 'The document changed while the request waited.');
  }
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

export function guardRequest<P, R>(
  logger: Logger,
  name: string,
  empty: () => R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    try {
      return await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      if (!(error instanceof StaleRequest)) logger.error(`${name} failed; answering with an empty result. ${describeError(error)}`);
      return empty();
    }
  };
}

export function guardNotification<P>(logger: Logger, name: string, handler: (params: P) => void | Promise<void>): (params: P) => Promise<void> {
  return async (params) => {
    try {
      await handler(params);
    } catch (error) {
      logger.error(`${name} failed. ${describeError(error)}`);
    }
  };
}
