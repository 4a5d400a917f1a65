import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/domain/errors.js';
import { LIMITS, requireRange } from '../../src/domain/limits.js';
import { createErrorFormatter } from '../../src/graphql/execution/format-error.js';
import { createLogger } from '../../src/logging/logger.js';

const formatter = (debugErrors: boolean) => createErrorFormatter({ debugErrors, log: createLogger('silent') });
const stacktrace = ['Error: x', '    at somewhere (file.ts:1:1)'];

describe('what a client sees of an error', () => {
  it('names the argument and its bound for an out-of-range value', () => {
    let error: unknown;
    try {
      requireRange('maxDepth', LIMITS.downstreamDepth.max + 1, LIMITS.downstreamDepth);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(formatter(false)({ message: 'x' }, error, 'r1')).toEqual({
      message: `maxDepth must be a whole number from 1 to ${LIMITS.downstreamDepth.max}, got ${LIMITS.downstreamDepth.max + 1}.`,
      extensions: { code: 'BAD_USER_INPUT', argument: 'maxDepth', requestId: 'r1' },
    });
  });

  it('keeps stack traces out of client errors unless debugErrors is on', () => {
    const validation = { message: 'Cannot query field', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace } };
    const error = new GraphQLError('Cannot query field');
    expect(formatter(false)(validation, error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(formatter(true)(validation, error).extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', stacktrace });
    const internal = { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace } };
    expect(formatter(false)(internal, new Error('boom'), 'r2')).toEqual({
      message: 'Internal server error; quote request id r2 when reporting it.',
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r2' },
    });
    expect(formatter(true)(internal, new Error('boom'), 'r2').extensions).toMatchObject({ stacktrace });
  });

  it('never turns a RangeError into BAD_USER_INPUT: only the domain decides what the client did wrong', () => {
    expect(formatter(false)({ message: 'x' }, new RangeError('x'), 'r3').extensions?.code).toBe('INTERNAL_SERVER_ERROR');
  });
});
