import { existsSync, readFileSync } from 'node:fs';
import {
  type GraphQLEnumType,
  type GraphQLField,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { RELATION_FIELDS } from '../../src/domain/relation-fields.js';
import {
  ENTITY_TYPES,
  EntityType,
  fromKinds,
  type GraphQLScalar,
  inFieldOf,
  KINDS,
  RELATION_TYPES,
  RELATIONS,
  RelationType,
} from '../../src/domain/registry.js';
import { createSchema } from '../../src/graphql/schema.js';
import { nodeAttributeTypes } from '../../src/seed/graph-export.js';
import { ENTITY_FILES, relationshipFile } from '../../src/seed/seed.schema.js';

// Every layer written by hand (or generated) must agree with the registry: a field, property, kind
// or relationship declared in one place and not another fails here, not as a null at run time.

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await createSchema();
});

/** A field's type as SDL text, e.g. [Model!]! */
const sdl = (type: GraphQLType): string => String(type);
const unwrap = (type: GraphQLType): string => {
  let t = type;
  while (t instanceof GraphQLNonNull || t instanceof GraphQLList) t = t.ofType;
  return (t as { name: string }).name;
};
const scalarSdl = (scalar: GraphQLScalar): string =>
  scalar === 'StringList' ? '[String!]!' : typeof scalar === 'string' ? scalar : scalar.name;

const objectType = (name: string): GraphQLObjectType => {
  const type = schema.getType(name);
  if (!(type instanceof GraphQLObjectType)) throw new Error(`${name} is not an object type of the schema`);
  return type;
};
const ENTITY_FIELDS = ['id', 'name', 'aliases', 'description', 'type', 'sources', 'influence'];

describe('the GraphQL schema follows the registry', () => {
  it.each(ENTITY_TYPES)('%s: exactly the registry properties, claims and relationship fields', (type) => {
    const kind = KINDS[type];
    const fields = objectType(kind.typeName).getFields();
    const expected: Record<string, string> = {};
    for (const [name, property] of Object.entries(kind.properties)) expected[name] = scalarSdl(property.scalar);
    if (Object.values(kind.properties).some((p) => p.claimable)) {
      expected.claims = '[AttributeClaim!]!';
      expected.withheld = '[AttributeClaim!]!';
    }
    for (const [name, relation] of Object.entries(RELATION_FIELDS[type])) {
      const link = RELATIONS[relation.type].kind?.linkType ?? RELATIONS[relation.type].statement?.linkType;
      expected[name] = `[${link ?? KINDS[relation.target].typeName}!]!`;
      // Every field returning entities has a twin returning them with the relationships' citations.
      if (link === undefined) expected[`${name}Links`] = `[Linked${KINDS[relation.target].typeName}!]!`;
    }
    const actual = Object.fromEntries(
      Object.entries(fields)
        .filter(([name]) => !ENTITY_FIELDS.includes(name))
        .map(([name, field]: [string, GraphQLField<unknown, unknown>]) => [name, sdl(field.type)]),
    );
    expect(actual).toEqual(expected);
    expect(
      objectType(kind.typeName)
        .getInterfaces()
        .map((i) => i.name),
    ).toEqual(['Entity']);
  });

  it.each(ENTITY_TYPES)('%s: lookup and list queries, connection, input and upsert mutation', (type) => {
    const kind = KINDS[type];
    const query = schema.getQueryType()!.getFields();
    expect(sdl(query[kind.singular]!.type)).toBe(kind.typeName);
    expect(sdl(query[kind.plural]!.type)).toBe(`${kind.typeName}Connection!`);
    expect(unwrap(objectType(`${kind.typeName}Connection`).getFields().edges!.type)).toBe(`${kind.typeName}Edge`);
    const input = schema.getType(`${kind.typeName}Input`);
    expect(input).toBeInstanceOf(GraphQLInputObjectType);
    const inputFields = Object.fromEntries(
      Object.entries((input as GraphQLInputObjectType).getFields()).map(([name, field]) => [name, sdl(field.type)]),
    );
    const expected: Record<string, string> = {
      id: 'ID!',
      name: 'String!',
      aliases: '[String!]',
      description: 'String',
      citation: 'CitationInput!',
    };
    for (const [name, property] of Object.entries(kind.properties))
      expected[name] = property.scalar === 'StringList' ? '[String!]' : scalarSdl(property.scalar);
    expect(inputFields).toEqual(expected);
    expect(sdl(schema.getMutationType()!.getFields()[`upsert${kind.typeName}`]!.type)).toBe(`${kind.typeName}!`);
  });

  it('has the registry kinds and relationship types as its enums, and closed sets as enums', () => {
    const values = (name: string) => (schema.getType(name) as GraphQLEnumType).getValues().map((v) => v.value as string);
    expect(values('EntityType').sort()).toEqual([...ENTITY_TYPES].sort());
    expect(values('RelationType').sort()).toEqual([...RELATION_TYPES].sort());
    const enums = ENTITY_TYPES.flatMap((type) => Object.values(KINDS[type].properties)).filter((p) => typeof p.scalar === 'object');
    expect(enums.length).toBeGreaterThan(0);
    for (const property of enums) {
      const scalar = property.scalar as { name: string; enum: Record<string, string> };
      expect(values(scalar.name).sort()).toEqual(Object.values(scalar.enum).sort());
    }
  });

  it('declares every relationship field once, at the kinds it joins', () => {
    const fromTable = ENTITY_TYPES.flatMap((type) => Object.keys(RELATION_FIELDS[type]).map((name) => `${KINDS[type].typeName}.${name}`));
    const declared = RELATION_TYPES.flatMap((type) => {
      const spec = RELATIONS[type];
      return fromKinds(type)
        .flatMap((from) => [
          spec.outField && `${KINDS[from].typeName}.${spec.outField.name}`,
          inFieldOf(type, from) && `${KINDS[spec.to].typeName}.${inFieldOf(type, from)!.name}`,
          spec.bothField && `${KINDS[from].typeName}.${spec.bothField.name}`,
        ])
        .filter((f): f is string => Boolean(f));
    });
    expect(declared.sort()).toEqual(fromTable.sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('gives a relationship that starts at several kinds its out-field on each, and one typed in-field per kind', () => {
    expect(fromKinds(RelationType.HAS_LIMITATION)).toEqual([EntityType.MODEL, EntityType.TECHNIQUE, EntityType.PRODUCT]);
    expect(fromKinds(RelationType.MEMBER_OF)).toEqual([EntityType.MODEL]);
    for (const kind of ['Model', 'Technique', 'Product'])
      expect(sdl(objectType(kind).getFields().limitations!.type)).toBe('[Limitation!]!');
    const limitation = objectType('Limitation').getFields();
    expect(sdl(limitation.affects!.type)).toBe('[Model!]!');
    expect(sdl(limitation.affectedTechniques!.type)).toBe('[Technique!]!');
    expect(sdl(limitation.affectedProducts!.type)).toBe('[Product!]!');
    expect(RELATION_FIELDS.LIMITATION.affectedTechniques).toMatchObject({ type: 'HAS_LIMITATION', direction: 'IN', target: 'TECHNIQUE' });
    expect(sdl(objectType('ModelSeries').getFields().members!.type)).toBe('[Model!]!');
    expect(sdl(objectType('Model').getFields().series!.type)).toBe('[ModelSeries!]!');
    expect(inFieldOf(RelationType.OFFERED_BY, EntityType.PRODUCT)?.name).toBe('products');
    expect(inFieldOf(RelationType.USES, EntityType.TECHNIQUE)).toBeUndefined();
  });

  it('orders and filters models by what the registry marks sortable and filterable', () => {
    const properties = KINDS.MODEL.properties;
    const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();
    const orderFields = (schema.getType('ModelOrderField') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(orderFields.sort()).toEqual(
      [
        'NAME',
        ...Object.entries(properties)
          .filter(([, p]) => p.sortable)
          .map(([name]) => snake(name)),
      ].sort(),
    );
    const filter = Object.keys((schema.getType('ModelFilter') as GraphQLInputObjectType).getFields())
      .join(' ')
      .toLowerCase();
    for (const [name, property] of Object.entries(properties)) {
      const stem = name === 'releaseDate' ? 'released' : name.toLowerCase();
      expect(filter.includes(stem), `${name} filterable: ${property.filterable}`).toBe(Boolean(property.filterable));
    }
  });
});

describe('the other layers follow the registry', () => {
  it('has a seed file per kind, and reads relationship files named after their types', () => {
    for (const type of ENTITY_TYPES) expect(existsSync(`seed/${ENTITY_FILES[type].file}`), type).toBe(true);
    expect(RELATION_TYPES.filter((type) => existsSync(`seed/${relationshipFile(type)}`)).length).toBeGreaterThan(RELATION_TYPES.length / 2);
  });

  it("gives the explorer's style tables every kind and relationship type (its types are generated from the schema)", async () => {
    // Imported by a computed path: the explorer's modules are typed by web/tsconfig.json, not this project's.
    const web = (await import(`../../web/src/${'format'}.ts`)) as { ENTITY_TYPES: string[]; RELATION_TYPES: string[] };
    expect([...web.ENTITY_TYPES].sort()).toEqual([...ENTITY_TYPES].sort());
    expect([...web.RELATION_TYPES].sort()).toEqual([...RELATION_TYPES].sort());
  });

  it('exports every property of every kind as a GraphML key', () => {
    const keys = nodeAttributeTypes();
    for (const type of ENTITY_TYPES) for (const name of Object.keys(KINDS[type].properties)) expect(keys.has(name), name).toBe(true);
  });

  it('keeps literal labels and relationship types out of the repositories', () => {
    const names = [...ENTITY_TYPES.map((type) => KINDS[type].label), ...RELATION_TYPES, 'Entity', 'Source', 'Change', 'CITES'].join('|');
    const literal = new RegExp(`:\\s*(${names})\\b`);
    for (const file of ['analytics', 'curation', 'entity', 'graph', 'lineage', 'search', 'seed', 'stats', 'technique-overlap']) {
      const text = readFileSync(`src/repositories/${file}.repository.ts`, 'utf8');
      const hit = text.split('\n').find((line) => literal.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line));
      expect(hit, file).toBeUndefined();
    }
  });
});
