import { isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createSchema } from '../../src/graphql/schema.js';

/**
 * Every object type is declared with `simpleResolvers: true`: a field without a @FieldResolver is
 * read straight off its parent, which graphql-jit compiles to a property read, instead of through
 * type-graphql's per-field wrapper (on the benchmark's 50 models nested four levels deep that
 * wrapper took a third of the service's CPU). Simple fields skip type-graphql's middlewares and
 * @Authorized checks, so none may declare any.
 */
describe('object type fields', () => {
  it('have no resolver of their own unless a @FieldResolver computes them', async () => {
    const schema = await createSchema();
    const computed = new Set(getMetadataStorage().fieldResolvers.map((r) => `${r.getObjectType?.()?.name}.${r.schemaName}`));
    const wrapped: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || ['Query', 'Mutation'].includes(type.name)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !computed.has(`${type.name}.${field.name}`)) wrapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(wrapped, 'declare these object types with { simpleResolvers: true }').toEqual([]);
  });

  it('declare no middlewares or roles, which simple resolvers would skip', () => {
    const guarded = getMetadataStorage()
      .fields.filter((field) => field.roles?.length || field.middlewares?.length)
      .map((field) => `${field.target.name}.${field.name}`);
    expect(guarded).toEqual([]);
  });
});
