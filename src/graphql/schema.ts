import 'reflect-metadata';
import { GraphQLInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema, type ClassType } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { ENTITY_TYPES, EntityType } from '../domain/registry.js';
import { ENTITY_CLASSES } from './types/entities.type.js';
import { resolveEntityType, type EntityRecord } from './types/entity.type.js';
import { AnalyticsResolver } from './resolvers/analytics.resolver.js';
import { CITATION_RESOLVERS, SourceResolver } from './resolvers/citation.resolver.js';
import { ConflictsResolver } from './resolvers/conflicts.resolver.js';
import { CurationResolver, UPSERT_RESOLVERS } from './resolvers/curation.resolver.js';
import { GraphResolver } from './resolvers/graph.resolver.js';
import { InfluenceResolver } from './resolvers/influence.resolver.js';
import { ModelResolver } from './resolvers/model.resolver.js';
import { QualityResolver } from './resolvers/quality.resolver.js';
import { ResearchResolver } from './resolvers/research.resolver.js';
import { SearchResolver } from './resolvers/search.resolver.js';
import { StatsResolver } from './resolvers/stats.resolver.js';
import { TechniqueOverlapResolver } from './resolvers/technique-overlap.resolver.js';
import { createListedEntityResolver } from './resolvers/entity-base.resolver.js';

/** Kinds whose queries go beyond lookup by id and a list by name have a resolver of their own. */
const SPECIAL_RESOLVERS: Partial<Record<EntityType, ClassType>> = { [EntityType.MODEL]: ModelResolver };

export const RESOLVERS = [
  ...ENTITY_TYPES.map((type) => SPECIAL_RESOLVERS[type] ?? createListedEntityResolver(type)),
  SearchResolver,
  GraphResolver,
  TechniqueOverlapResolver,
  StatsResolver,
  AnalyticsResolver,
  ResearchResolver,
  InfluenceResolver,
  ...CITATION_RESOLVERS,
  SourceResolver,
  ConflictsResolver,
  QualityResolver,
  CurationResolver,
  ...UPSERT_RESOLVERS,
] as unknown as [ClassType, ...ClassType[]];

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: false,
    authChecker,
    orphanedTypes: Object.values(ENTITY_CLASSES),
  });
  // type-graphql wraps resolveType in an async function; graphql-jit needs a synchronous one (and
  // graphql-js is spared a promise per entity).
  const entity = schema.getType('Entity');
  if (entity instanceof GraphQLInterfaceType) entity.resolveType = (value) => resolveEntityType(value as EntityRecord);
  return schema;
}

/** The SDL committed as schema/schema.graphql. */
export async function printSdl(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
}
