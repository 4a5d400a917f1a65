import { CHANGE_LABEL, ENTITY_LABEL, EntityType, LABEL_OF, label, REDIRECT_LABEL, SORT_NAME, SOURCE_LABEL } from '../domain/graph-model.js';
import { VERSION_LABEL } from './data-version.js';
import type { Database } from './database.js';

interface SchemaItem {
  name: string;
  kind: 'constraint' | 'index';
  cypher: string;
}

const uniqueId = (label: string): SchemaItem => ({
  name: `${label.toLowerCase()}_id_unique`,
  kind: 'constraint',
  cypher: `CREATE CONSTRAINT ${label.toLowerCase()}_id_unique IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
});

const rangeIndex = (name: string, label: string, property: string): SchemaItem => ({
  name,
  kind: 'index',
  cypher: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property})`,
});

const orderIndex = (name: string, label: string, property: string): SchemaItem => ({
  name,
  kind: 'index',
  cypher: `CREATE INDEX ${name} IF NOT EXISTS FOR (n:${label}) ON (n.${property}, n.id)`,
});

/**
 * Constraints and indexes the service relies on. Ids are unique across all kinds through the
 * shared Entity label; the per-label constraints let `MATCH (m:Model {id: $id})` use an index too.
 */
export const SCHEMA_ITEMS: SchemaItem[] = [
  uniqueId(ENTITY_LABEL),
  uniqueId(SOURCE_LABEL),
  // One data-version node (data-version.ts); the constraint keeps concurrent first writes from making two.
  uniqueId(VERSION_LABEL),
  // Ids merged into another entity or renamed (resolution.repository.ts), followed by look-ups by id.
  uniqueId(REDIRECT_LABEL),
  ...Object.values(LABEL_OF).map(uniqueId),
  rangeIndex('entity_name', ENTITY_LABEL, 'name'),
  // Lists sorted by name read these in order instead of sorting every node of the label.
  ...Object.values(LABEL_OF).map((label) => rangeIndex(`${label.toLowerCase()}_sort_name`, label, SORT_NAME)),
  // Model list orderings (ModelOrderField) other than by name.
  rangeIndex('model_release_date', label(EntityType.MODEL), 'releaseDate'),
  rangeIndex('model_parameters', label(EntityType.MODEL), 'parameters'),
  // With the id as second key they hand out a whole page in keyset order: a top value shared by
  // 180,000 models would otherwise be read and sorted before the first 20 are known.
  orderIndex('model_release_date_order', label(EntityType.MODEL), 'releaseDate'),
  orderIndex('model_parameters_order', label(EntityType.MODEL), 'parameters'),
  rangeIndex('change_entity', CHANGE_LABEL, 'entityId'),
  rangeIndex('change_other', CHANGE_LABEL, 'otherId'),
  {
    name: 'entity_search',
    kind: 'index',
    // The CJK analyzer splits Chinese text into bigrams, so 星火 or 幻觉 find their entities.
    cypher: `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:${ENTITY_LABEL}) ON EACH [n.name, n.aliasText, n.description] OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'cjk' } }`,
  },
];

/** Applies every constraint and index; safe to run at every start. */
export async function applyMigrations(db: Database): Promise<void> {
  // A start-up task, not a request: a busy machine may need more than a request's deadline for all of them.
  const scope = db.scope({ timeoutMs: 120_000 });
  // Schema commands cannot share a transaction with each other.
  for (const item of SCHEMA_ITEMS) await scope.write((tx) => tx.run(item.cypher));
  // Graphs written before the sort key existed get it here; every write path keeps it current.
  await scope.write((tx) =>
    tx.run(
      `MATCH (n:${ENTITY_LABEL}) WHERE n.${SORT_NAME} IS NULL OR n.${SORT_NAME} <> toLower(n.name) SET n.${SORT_NAME} = toLower(n.name)`,
    ),
  );
}

/** Names of expected constraints and indexes that are missing or not yet online. */
export async function missingSchemaItems(db: Database): Promise<string[]> {
  const scope = db.scope({ timeoutMs: 3_000 });
  const constraints = await scope.read('SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names');
  const indexes = await scope.read("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names");
  const present = new Set([
    ...((constraints[0]?.names as string[] | undefined) ?? []),
    ...((indexes[0]?.names as string[] | undefined) ?? []),
  ]);
  return SCHEMA_ITEMS.filter((item) => !present.has(item.name)).map((item) => item.name);
}
