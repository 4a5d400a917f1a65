import 'reflect-metadata';
import { GraphQLInterfaceType, lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth-checker.js';
import { Limitation, Model, Organization, Technique } from './types/entities.type.js';
import { resolveEntityType, type EntityRecord } from './types/entity.type.js';
import { AnalyticsResolver } from './resolvers/analytics.resolver.js';
import { CurationResolver } from './resolvers/curation.resolver.js';
import { GraphResolver } from './resolvers/graph.resolver.js';
import { LimitationResolver } from './resolvers/limitation.resolver.js';
import { ModelResolver } from './resolvers/model.resolver.js';
import { OrganizationResolver } from './resolvers/organization.resolver.js';
import { ResearchResolver } from './resolvers/research.resolver.js';
import { SearchResolver } from './resolvers/search.resolver.js';
import { StatsResolver } from './resolvers/stats.resolver.js';
import { TechniqueOverlapResolver } from './resolvers/technique-overlap.resolver.js';
import { TechniqueResolver } from './resolvers/technique.resolver.js';

export const RESOLVERS = [
  ModelResolver,
  OrganizationResolver,
  TechniqueResolver,
  LimitationResolver,
  SearchResolver,
  GraphResolver,
  TechniqueOverlapResolver,
  StatsResolver,
  AnalyticsResolver,
  ResearchResolver,
  CurationResolver,
] as const;

export async function createSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    validate: false,
    authChecker,
    orphanedTypes: [Model, Organization, Technique, Limitation],
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
