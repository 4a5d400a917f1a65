import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  graphql,
  isCompositeType,
  isEnumType,
  isListType,
  isNonNullType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { createContext } from '../../src/graphql/context.js';
import { createSchema } from '../../src/graphql/schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { Recording } from './cypher/recording.js';

/**
 * Every list and depth argument of the API says its cap in the schema (so a client knows it before
 * being refused), and that cap is the one the resolver enforces: each is run at its bound and one
 * past it, against a database that records statements and answers none (no Neo4j needed).
 */
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

const isIdList = (arg: GraphQLArgument) => {
  const type = getNullableType(arg.type);
  return isListType(type) && getNamedType(type).name === 'ID';
};
const isCountable = (arg: GraphQLArgument) => getNamedType(arg.type).name === 'Int' || isIdList(arg);

const ids = (n: number) => Array.from({ length: n }, (_, i) => `id-${i}`);

/** A value for a required argument that is not under test. */
function filler(arg: GraphQLArgument): unknown {
  const named = getNamedType(arg.type);
  if (isIdList(arg)) return ids(2);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  return named.name === 'Int' ? 1 : 'gpt-4';
}

async function run(field: GraphQLField<unknown, unknown>, arg: GraphQLArgument, value: unknown) {
  const args = field.args.filter((a) => a === arg || (isNonNullType(a.type) && a.defaultValue === undefined));
  const variables = Object.fromEntries(args.map((a) => [a.name, a === arg ? value : filler(a)]));
  const declared = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = isCompositeType(getNamedType(field.type)) ? ' { __typename }' : '';
  const database = new Recording([]) as unknown as Database;
  const contextValue = createContext({ database, requestId: 'caps', log: createLogger('silent'), timeoutMs: 1_000, caller: null });
  const result = await graphql({
    schema,
    source: `query Q(${declared}) { ${field.name}(${passed})${selection} }`,
    variableValues: variables,
    contextValue,
  });
  return (result.errors ?? []).map((e) => ({ message: e.message, argument: (e.originalError as { argument?: string })?.argument }));
}

describe('the caps in the schema', () => {
  it('are stated by every list, page and depth argument of a query', () => {
    const missing = Object.values(schema.getQueryType()!.getFields()).flatMap((field) =>
      field.args
        .filter((arg) => isCountable(arg) && !/From \d+ to \d+/.test(arg.description ?? ''))
        .map((arg) => `${field.name}(${arg.name})`),
    );
    expect(missing).toEqual([]);
  });

  it('are the ones the resolvers enforce: the bound is accepted, one past it refused naming the argument', async () => {
    const checked: string[] = [];
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      for (const arg of field.args.filter(isCountable)) {
        const [, min, max] = /From (\d+) to (\d+)/.exec(arg.description!)!.map(Number) as [number, number, number];
        const at = (n: number) => (isIdList(arg) ? ids(n) : n);
        const refusals = (errors: Array<{ argument?: string }>) => errors.filter((e) => e.argument === arg.name);
        expect(refusals(await run(field, arg, at(max))), `${field.name}(${arg.name}: ${max})`).toEqual([]);
        expect(refusals(await run(field, arg, at(min))), `${field.name}(${arg.name}: ${min})`).toEqual([]);
        const over = await run(field, arg, at(max + 1));
        expect(refusals(over), `${field.name}(${arg.name}: ${max + 1})`).toHaveLength(1);
        if (min > 0) expect(refusals(await run(field, arg, at(min - 1))), `${field.name}(${arg.name}: ${min - 1})`).toHaveLength(1);
        checked.push(`${field.name}(${arg.name})`);
      }
    }
    expect(checked.length).toBeGreaterThan(20);
  });
});
