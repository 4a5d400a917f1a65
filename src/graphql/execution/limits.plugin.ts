import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getNamedType,
  getVariableValues,
  type OperationDefinitionNode,
  getNullableType,
  isLeafType,
  isListType,
  separateOperations,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import depthLimit from 'graphql-depth-limit';
import type { Context } from '../context.js';
import { documentCache } from './document-cache.js';

/** Deeper operations fail validation with a message naming the limit. */
export const MAX_DEPTH = 12;
export const depthRule = depthLimit(MAX_DEPTH);

/**
 * The budget in objects: a request may ask for at most this many (estimated) objects. It admits every
 * root field at its default arguments with everything but entity relationship lists selected (the
 * largest, a neighbourhood at its default limit of 200 with citations, weighs about 2,600; at its
 * maximum limit of 1,000 about 13,000) and the benchmark's 50 models → developers → models →
 * techniques (about 7,900), and refuses 100 models nested four relationship lists deep (about 78,000).
 */
export const MAX_COMPLEXITY = 20_000;

// Lists without a size argument are assumed to return this many items when weighing a query.
const ASSUMED_LIST_SIZE = 5;

/** Types that are lists in disguise: their size is set by the field that returns them (`first`, `limit`). */
const isListWrapper = (name: string): boolean => name === 'Graph' || name.endsWith('Connection');

/**
 * Weighs a query by the objects it asks for, as public GraphQL APIs (GitHub, Shopify) do: each object
 * costs 1 plus what is selected inside it; scalar and enum fields cost nothing, being read with their
 * object, and so do meta fields such as `__typename`, which clients like Apollo add to every
 * selection. A list multiplies the cost of one item by its size: its `first` or `limit` argument, or
 * an assumed fan-out. A Graph or a Connection is such a list; its nodes, edges and `edges` are
 * counted once per item of it.
 */
const objectEstimator: ComplexityEstimator = ({ args, field, type, childComplexity }) => {
  const named = getNamedType(field.type);
  if (isLeafType(named)) return 0;
  const item = 1 + childComplexity;
  if (isListWrapper(type.name) && isListType(getNullableType(field.type))) return item;
  const listLike = isListType(getNullableType(field.type)) || isListWrapper(named.name);
  if (!listLike) return item;
  const size = typeof args.first === 'number' ? args.first : typeof args.limit === 'number' ? args.limit : ASSUMED_LIST_SIZE;
  return size * item;
};

/** The weight `objectEstimator` gives an operation (the plugin caches it per document and variable shape). */
export function queryComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string,
  variables?: Record<string, unknown>,
): number {
  return getComplexity({
    schema,
    query: operationName ? (separateOperations(document)[operationName] ?? document) : document,
    variables,
    estimators: [objectEstimator],
  });
}

// Per document, at most this many variable shapes are remembered.
const SHAPES_PER_DOCUMENT = 64;

/**
 * The estimators read only numeric arguments, so a query's complexity depends on its document,
 * operation and the non-string variables. Strings (ids, search text) are blanked out of the key.
 */
const shapeKey = (operationName: string | undefined, variables: Record<string, unknown> | undefined): string =>
  `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {}, (_key, value: unknown) => (typeof value === 'string' ? '' : value))}`;

/**
 * Variables that do not fit the operation, as graphql-js and graphql-jit report them (naming the
 * variable and what was wrong): a bad input, answered 400 as Apollo answers them itself. Unmarked,
 * they reached clients as internal errors.
 */
export const badVariables = (error: GraphQLError): GraphQLError =>
  new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });

export type ComplexityCheck = (
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
) => GraphQLError | undefined;

/** The complexity budget as a check, cached per document and variable shape: the error to answer, if any. */
export function complexityCheck(schema: GraphQLSchema): ComplexityCheck {
  // Weighing a small query cost about a twentieth of the service's CPU per request.
  const cached = documentCache<number>(SHAPES_PER_DOCUMENT);
  return (document, operationName, variables) => {
    let complexity: number;
    try {
      complexity = cached(document, shapeKey(operationName, variables), () => queryComplexity(schema, document, operationName, variables));
    } catch (error) {
      if (error instanceof GraphQLError) return badVariables(error);
      throw error;
    }
    if (complexity <= MAX_COMPLEXITY) return undefined;
    return new GraphQLError(
      `The query's complexity is ${complexity}; the limit is ${MAX_COMPLEXITY}. Ask for fewer items or fewer nested lists.`,
      { extensions: { code: 'BAD_USER_INPUT', limit: 'complexity', http: { status: 400 } } },
    );
  };
}

/**
 * The error for variables that do not fit their operation, in graphql-js's words (the last of them,
 * as the complexity check reports them when it meets them first), or undefined when graphql-js
 * accepts them. graphql-jit refuses the same variables in words of its own; both paths answer these.
 */
export function variablesError(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): GraphQLError | undefined {
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  return errors?.length ? badVariables(errors[errors.length - 1]!) : undefined;
}

/** Refuses operations over the complexity budget before any resolver runs (depth is a validation rule). */
export function limitsPlugin(check: ComplexityCheck): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const error = check(document, request.operationName, request.variables);
          if (error) throw error;
        },
      };
    },
  };
}
