import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { DatabaseUnavailableError } from '../../db/database.js';
import { InvalidInputError, NotFoundError } from '../../domain/errors.js';
import type { Logger } from '../../logging/logger.js';

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

/** Neo4j's code for a write that breaks a uniqueness or existence constraint. */
const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * A constraint violation is the client's to fix (an id already taken, written by a concurrent
 * request after our own check); Neo4j's message names the property, e.g. "… property `id` = 'x'".
 */
function constraintViolation(error: unknown): InvalidInputError | null {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== CONSTRAINT_VIOLATION) return null;
  const property = /property `(\w+)`/.exec(String(message))?.[1];
  return new InvalidInputError(
    `The write breaks a rule of the graph${property ? `: input.${property} is already taken` : ''} (${String(message)}).`,
    property ? `input.${property}` : undefined,
  );
}

/**
 * The one place that decides what a client sees of an error: domain errors and constraint
 * violations become BAD_USER_INPUT (naming the `argument`) or NOT_FOUND, an unreachable or slow
 * database SERVICE_UNAVAILABLE, and anything unplanned an INTERNAL_SERVER_ERROR with the request
 * id, its details only in the log. Stack traces reach a client only when `debugErrors` asks.
 */
export function createErrorFormatter(options: { debugErrors: boolean; log: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown, requestId?: string): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { locations: formatted.locations, path: formatted.path };
    const stack = options.debugErrors && formatted.extensions?.stacktrace ? { stacktrace: formatted.extensions.stacktrace } : {};
    const withId = (extensions: Record<string, unknown>) => ({ ...extensions, ...stack, ...(requestId && { requestId }) });
    const invalid = original instanceof InvalidInputError ? original : constraintViolation(original);
    if (invalid) {
      return {
        ...base,
        message: invalid.message,
        extensions: withId({ code: 'BAD_USER_INPUT', ...(invalid.argument && { argument: invalid.argument }) }),
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
      const { stacktrace: _hidden, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: withId(extensions) };
    }
    options.log.error({ requestId, err: original }, 'unexpected error');
    return {
      ...base,
      message: `Internal server error; quote request id ${requestId ?? 'unknown'} when reporting it.`,
      extensions: withId({ code: 'INTERNAL_SERVER_ERROR' }),
    };
  };
}
