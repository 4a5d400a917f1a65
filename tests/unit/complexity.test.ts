import {
  getNamedType,
  getNullableType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  isEnumType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { KINDS, RELATIONS } from '../../src/domain/registry.js';
import { MAX_COMPLEXITY, queryComplexity } from '../../src/graphql/execution/limits.plugin.js';
import { createSchema } from '../../src/graphql/schema.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const weigh = (query: string, variables?: Record<string, unknown>) => queryComplexity(schema, parse(query), undefined, variables);

/** What Apollo Client sends: the same query with __typename in every selection set. */
const withTypenames = (query: string) => query.replace(/\{/g, '{ __typename ');

const ENTITY_TYPES = new Set(['Entity', ...Object.values(KINDS).map((kind) => kind.typeName)]);
/** What relationship fields return: entities, or entities with the relationships' citations (`…Links`). */
const RELATED_TYPES = new Set([
  ...ENTITY_TYPES,
  ...Object.values(KINDS).map((kind) => `Linked${kind.typeName}`),
  // Statement relationships (benchmark results) are relationship lists too.
  ...Object.values(RELATIONS).flatMap((spec) => (spec.statement ? [spec.statement.linkType] : [])),
]);

/**
 * Everything a client can ask of a type short of following relationships: every scalar and every
 * nested value object (citations, sources, claims, graph nodes and edges, rows of a result), but
 * not an entity's relationship fields (its developers, techniques, …).
 */
function everything(type: GraphQLNamedType, seen: string[] = []): string {
  if (!isObjectType(type) && !isInterfaceType(type)) return '';
  const selected = Object.values(type.getFields())
    .filter((f) => !seen.includes(getNamedType(f.type).name))
    .filter((f) => !(ENTITY_TYPES.has(type.name) && RELATED_TYPES.has(getNamedType(f.type).name)))
    .filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .map((f) => (isLeafType(getNamedType(f.type)) ? f.name : `${f.name} ${everything(getNamedType(f.type), [...seen, type.name])}`));
  return `{ ${selected.join(' ')} }`;
}

/** Required arguments get a plausible value; everything else keeps the schema's default. */
function requiredArgs(field: GraphQLField<unknown, unknown>): string {
  const given = field.args
    .filter((a) => isNonNullType(a.type) && a.defaultValue === undefined)
    .map((a) => {
      const list = isListType(getNullableType(a.type));
      const namedType = getNamedType(a.type);
      const named = namedType.name;
      if (namedType.toString().endsWith('Input')) return null;
      const value = isEnumType(namedType) ? namedType.getValues()[0]!.name : named === 'String' ? '"gpt"' : '"gpt-4"';
      return `${a.name}: ${list ? `[${value}, "llama"]` : value}`;
    });
  if (given.includes(null)) return 'mutation';
  return given.length > 0 ? `(${given.join(', ')})` : '';
}

describe('query complexity', () => {
  it('charges nothing for __typename, so Apollo Client pays what curl pays', () => {
    const query = '{ neighborhood(ids: ["gpt-4"]) { nodes { id label } edges { id citations { quote source { title } } } } }';
    expect(weigh(withTypenames(query))).toBe(weigh(query));
    expect(weigh(query)).toBeGreaterThan(0);
  });

  it('admits a neighbourhood at its default limit of 200 with citations, and at the maximum of 1000', () => {
    const at = (limit: string) =>
      weigh(
        withTypenames(
          `{ neighborhood(ids: ["gpt-4"]${limit}) { nodes { id label type } edges { id source target type kind citations { quote confidence source { id title file url } } } truncated } }`,
        ),
      );
    expect(at('')).toBe(200 * 13);
    expect(at(', limit: 1000')).toBeLessThanOrEqual(MAX_COMPLEXITY);
  });

  it('admits every root field at its default arguments with everything but relationship lists selected', () => {
    const query = schema.getQueryType()!;
    const weights = Object.values(query.getFields())
      .map((field) => [field.name, requiredArgs(field)] as const)
      .filter(([, args]) => args !== 'mutation')
      .map(([name, args]) => {
        const field = query.getFields()[name]!;
        return [name, weigh(withTypenames(`{ ${name}${args} ${everything(getNamedType(field.type))} }`))] as const;
      });
    expect(weights.length).toBeGreaterThan(20);
    expect(weights.filter(([, weight]) => weight > MAX_COMPLEXITY)).toEqual([]);
  });

  it('weighs the benchmark’s nested 50 models under the limit and the same 100 models one list deeper over it', () => {
    expect(weigh('{ models(first: 50) { edges { node { developers { models { techniques { name } } } } } } }')).toBe(50 * 158);
    const deeper = '{ models(first: 100) { edges { node { developers { models { techniques { usedBy { name } } } } } } } }';
    expect(weigh(deeper)).toBeGreaterThan(MAX_COMPLEXITY);
  });

  it('reads list sizes from variables', () => {
    const query = 'query Q($n: Int) { models(first: $n) { edges { node { id } } } }';
    expect(weigh(query, { n: 10 })).toBe(10 * 3);
    expect(weigh(query, { n: 100 })).toBe(100 * 3);
  });
});
