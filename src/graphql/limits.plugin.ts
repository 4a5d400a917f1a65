import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, separateOperations, type DocumentNode, type GraphQLSchema } from 'graphql';
import { getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import depthLimit from 'graphql-depth-limit';
import type { Context } from './context.js';
import { documentCache } from './document-cache.js';

/** Deeper operations fail validation with a message naming the limit. */
export const MAX_DEPTH = 12;
export const depthRule = depthLimit(MAX_DEPTH);

export const MAX_COMPLEXITY = 20_000;

// Lists without a size argument are assumed to return this many items when weighing a query.
const ASSUMED_LIST_SIZE = 5;

/**
 * Weighs a field by the size of the list it returns: its first/limit argument, or an assumed
 * fan-out for relationship lists. A connection's edges are already counted by its `first`.
 */
const listSizeEstimator: ComplexityEstimator = ({ args, field, type, childComplexity }) => {
  const size = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : undefined;
  if (size !== undefined) return 1 + size * Math.max(childComplexity, 1);
  if (field.name === 'edges' && type.name.endsWith('Connection')) return 1 + childComplexity;
  if (String(field.type).startsWith('[')) return 1 + ASSUMED_LIST_SIZE * childComplexity;
  return undefined;
};

// Per document, at most this many variable shapes are remembered.
const SHAPES_PER_DOCUMENT = 64;

/**
 * The estimators read only numeric arguments, so a query's complexity depends on its document,
 * operation and the non-string variables. Strings (ids, search text) are blanked out of the key.
 */
const shapeKey = (operationName: string | undefined, variables: Record<string, unknown> | undefined): string =>
  `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? '' : value))}`;

/** Refuses operations over the complexity budget before any resolver runs (depth is a validation rule). */
export function limitsPlugin(schema: GraphQLSchema): ApolloServerPlugin<Context> {
  // Weighing a small query cost about a twentieth of the service's CPU per request.
  const cached = documentCache<number>(SHAPES_PER_DOCUMENT);
  const complexityOf = (
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown> | undefined,
  ): number =>
    cached(document, shapeKey(operationName, variables), () =>
      getComplexity({
        schema,
        query: operationName ? (separateOperations(document)[operationName] ?? document) : document,
        variables,
        estimators: [listSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
      }),
    );
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const complexity = complexityOf(document, request.operationName, request.variables);
          if (complexity > MAX_COMPLEXITY) {
            throw new GraphQLError(
              `The query's complexity is ${complexity}; the limit is ${MAX_COMPLEXITY}. Ask for fewer items or fewer nested lists.`,
              {
                extensions: { code: 'BAD_USER_INPUT', limit: 'complexity' },
              },
            );
          }
        },
      };
    },
  };
}
