import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from '../db/database.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import type { Logger } from '../logging/logger.js';

// Codes a client can act on pass through; anything else is an internal error.
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'SERVICE_UNAVAILABLE',
]);

/**
 * The one place that decides what a client sees of an error: domain errors become their codes,
 * an unreachable or slow database SERVICE_UNAVAILABLE, and anything unplanned an
 * INTERNAL_SERVER_ERROR with the request id, its details only in the log.
 */
export function createErrorFormatter(options: { production: boolean; log: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const withId = (extensions: Record<string, unknown>) => ({ ...extensions, ...(requestId && { requestId }) });
    if (original instanceof InvalidInputError) {
      return {
        ...base,
        message: original.message,
        extensions: withId({ code: 'BAD_USER_INPUT', ...(original.field && { field: original.field }) }),
      };
    }
    if (original instanceof NotFoundError) return { ...base, message: original.message, extensions: withId({ code: 'NOT_FOUND' }) };
    if (original instanceof DatabaseUnavailableError) {
      options.log.warn({ requestId, reason: original.message }, 'database unavailable');
      return {
        ...base,
        message: 'The database is unavailable or too slow right now; try again shortly.',
        extensions: withId({ code: 'SERVICE_UNAVAILABLE' }),
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const extensions = { ...formatted.extensions };
      if (options.production) delete extensions.stacktrace;
      return { ...formatted, extensions: withId(extensions) };
    }
    options.log.error({ requestId, err: original }, 'unexpected error');
    return {
      ...base,
      message: `Internal server error; quote request id ${requestId ?? 'unknown'} when reporting it.`,
      extensions: withId({ code: 'INTERNAL_SERVER_ERROR', ...(!options.production && { stacktrace: formatted.extensions?.stacktrace }) }),
    };
  };
}
