import type { ExecutionResult } from 'graphql';
import type { PreparedOperation } from './prepared-operations.js';

/**
 * What the execution module knows about one request while Apollo runs it, carried by the request's
 * context (`context.execution`): Apollo hands plugins and the executor a shallow copy of the context,
 * which shares this one object.
 */
export interface ExecutionState {
  /** The data version read before the request ran; its answer is valid for this version. */
  version: number | undefined;
  /** Set by the cache-policy plugin: a query answered without errors, so the answer may be kept. */
  storable: boolean;
  /** The compiled query the executor ran (jit-gateway.ts), for the prepared path to run again. */
  ran?: PreparedOperation;
  /** A result the prepared path computed with errors: Apollo's executor answers it instead of running again. */
  result?: ExecutionResult;
}

export const newExecutionState = (version: number | undefined): ExecutionState => ({ version, storable: false });
