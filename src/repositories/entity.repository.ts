import { int, type DbScope, type Params } from '../db/database.js';
import { ENTITY_LABEL, EntityType, LABEL_OF, label, REDIRECT_LABEL, RelationType, relType, SORT_NAME } from '../domain/graph-model.js';
import { squash, squashCypher } from '../domain/name-match.js';
import type { Selection } from '../domain/selection.js';
import { onlyIf } from './only-if.cypher.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { entityRow } from './decode.js';
import type { EntityRow } from './rows.js';

export type SortField = 'NAME' | 'RELEASE_DATE' | 'PARAMETERS';
export interface SortKey {
  field: SortField;
  direction: 'ASC' | 'DESC';
  /** Where entities without the value go; last unless asked. */
  nulls?: 'FIRST' | 'LAST' | null;
}

export interface ModelFilterValues {
  nameContains?: string;
  organization?: string;
  /** With `organization`: its units' models count too (PART_OF); default true. */
  includeUnits?: boolean;
  technique?: string;
  openWeights?: boolean;
  releasedAfter?: string;
  releasedBefore?: string;
  minParameters?: number;
  maxParameters?: number;
}

export interface ListOptions {
  filter: ModelFilterValues;
  order: SortKey[];
  first: number;
  /** Sort-key values of the last row already seen (decoded from the cursor). */
  after?: unknown[];
  selection: Selection;
  withTotal: boolean;
}

export interface Page {
  rows: Array<{ node: EntityRow; key: unknown[] }>;
  hasNextPage: boolean;
  total: number | null;
}

// Sort expressions never yield null, so keyset comparisons stay total; a nullable field is preceded
// by a key putting the entities without it last (or first, when asked).
const SORT_EXPRESSION: Record<SortField, string> = {
  NAME: `n.${SORT_NAME}`,
  RELEASE_DATE: "coalesce(n.releaseDate, '')",
  PARAMETERS: 'coalesce(n.parameters, -1.0)',
};
const NULLABLE: Partial<Record<SortField, string>> = { RELEASE_DATE: 'n.releaseDate', PARAMETERS: 'n.parameters' };

/** How deep an organization's units are followed (PART_OF): a division of a lab of a company is 2. */
export const UNIT_DEPTH = 5;

// Each filter is a fixed clause reading its value from $filter; only the clauses given are used.
// nameContains arrives squashed (see list()), and names and aliases are squashed the same way.
export const FILTER_CLAUSE: Record<keyof ModelFilterValues, string> = {
  nameContains: `(${squashCypher('n.name')} CONTAINS $filter.nameContains OR any(a IN n.aliases WHERE ${squashCypher('a')} CONTAINS $filter.nameContains))`,
  organization: `EXISTS { MATCH (n)-[:${relType(RelationType.DEVELOPED_BY)}]->(o:${label(EntityType.ORGANIZATION)})
      -[:${relType(RelationType.PART_OF)}*0..${UNIT_DEPTH}]->(:${label(EntityType.ORGANIZATION)} {id: $filter.organization})
    WHERE coalesce($filter.includeUnits, true) OR o.id = $filter.organization }`,
  // Read by the organization clause.
  includeUnits: 'true',
  technique: `EXISTS { (n)-[:${relType(RelationType.USES)}]->(:${label(EntityType.TECHNIQUE)} {id: $filter.technique}) }`,
  openWeights: 'n.openWeights = $filter.openWeights',
  releasedAfter: 'left(n.releaseDate, size($filter.releasedAfter)) >= $filter.releasedAfter',
  releasedBefore: 'left(n.releaseDate, size($filter.releasedBefore)) <= $filter.releasedBefore',
  minParameters: 'n.parameters >= $filter.minParameters',
  maxParameters: 'n.parameters <= $filter.maxParameters',
};

type SortKeyExpression = { expression: string; direction: 'ASC' | 'DESC' };

/** The keys a list is ordered by, in order: the fields asked for (each nullable one after its null key), then the id. */
export function sortKeysOf(order: SortKey[]): SortKeyExpression[] {
  const keys = order.flatMap((o): SortKeyExpression[] => {
    const value = { expression: SORT_EXPRESSION[o.field], direction: o.direction };
    const nullable = NULLABLE[o.field];
    if (nullable === undefined) return [value];
    const [missing, present] = o.nulls === 'FIRST' ? [0, 1] : [1, 0];
    return [{ expression: `CASE WHEN ${nullable} IS NULL THEN ${missing} ELSE ${present} END`, direction: 'ASC' }, value];
  });
  return [...keys, { expression: 'n.id', direction: order.at(-1)?.direction ?? 'ASC' }];
}

/** `(k1 > a1) OR (k1 = a1 AND (k2 > a2 OR …))` over the sort keys, reading values from $after. */
function keysetCondition(keys: SortKeyExpression[], index = 0): string {
  const key = keys[index]!;
  const beyond = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} $after[${index}]`;
  if (index === keys.length - 1) return beyond;
  return `(${beyond} OR (${key.expression} = $after[${index}] AND ${keysetCondition(keys, index + 1)}))`;
}

/**
 * A predicate that lets the planner read a name-ordered page from the label's sort-name index
 * (the ordering and the keyset bound come from the index, and it stops after `first` rows);
 * without one it sorts every node of the label.
 */
function nameOrder(first: SortKeyExpression, after: boolean): string {
  if (!after) return `${first.expression} IS NOT NULL`;
  return `${first.expression} ${first.direction === 'ASC' ? '>=' : '<='} $after[0]`;
}

/**
 * The statement part yielding one page's `n` in keyset order, ending in `n` rows.
 *
 * Ordered by a nullable field (parameters, release date), the models with a value are read from the
 * (field, id) index in order and those without only when the first part leaves the page short, so a
 * first page of two million models reads about `first` index entries instead of sorting them all.
 */
function orderedPage(label: string, where: string, order: SortKey[], keys: SortKeyExpression[], after: unknown[] | undefined): string {
  const byKeys = (k: SortKeyExpression[]) => k.map((key) => `${key.expression} ${key.direction}`).join(', ');
  const keyset = (k: SortKeyExpression[]) => (after ? keysetCondition(k) : 'true');
  const nullable = NULLABLE[order[0]!.field];
  if (nullable === undefined) {
    const indexed = order[0]!.field === 'NAME' ? nameOrder(keys[0]!, Boolean(after)) : 'true';
    return `MATCH (n:${label}) WHERE ${where} AND ${keyset(keys)} AND ${indexed} WITH n ORDER BY ${byKeys(keys)} LIMIT $limit`;
  }
  // keys are [has-no-value flag, value, …, id]; where the value is present the flag is a constant.
  const present = order[0]!.nulls === 'FIRST' ? 1 : 0;
  const [, value, ...rest] = keys as [SortKeyExpression, SortKeyExpression, ...SortKeyExpression[]];
  const presentKeys = [{ expression: String(present), direction: 'ASC' as const }, { ...value, expression: nullable }, ...rest];
  const bound = `${nullable} ${value.direction === 'ASC' ? '>=' : '<='} $after[1]`;
  // With a cursor among the models with a value, the page goes on from its value; past them (they come
  // first), none are left; otherwise all are candidates.
  const presentGuard = after?.[0] === present ? bound : after && present === 0 ? 'false' : `${nullable} IS NOT NULL`;
  const withValue = `MATCH (n:${label}) WHERE ${where} AND ${presentGuard} AND n.id IS NOT NULL AND ${keyset(presentKeys)}
         WITH n ORDER BY ${byKeys([presentKeys[1]!, ...rest])} LIMIT $limit`;
  const without = `MATCH (n:${label}) WHERE ${where} AND ${nullable} IS NULL AND ${keyset(keys)} WITH n ORDER BY ${byKeys(keys)} LIMIT $limit`;
  const [first, second] = present === 0 ? [withValue, without] : [without, withValue];
  return `CALL () { ${first} RETURN collect(n) AS head }
         CALL (head) { ${onlyIf('size(head) < $limit')} ${second} RETURN collect(n) AS tail }
         UNWIND (head + tail)[..$limit] AS n`;
}

/** Entity lookups and paginated lists, each one statement with the requested fields compiled in. */
export class EntityRepository {
  constructor(private readonly db: DbScope) {}

  /** The entity with this id, or the one it was merged into or renamed to (a Redirect). */
  async byId(id: string, types: EntityType[], selection: Selection): Promise<EntityRow | null> {
    const compiler = new ProjectionCompiler();
    const [row] = await this.db.read(
      `OPTIONAL MATCH (r:${REDIRECT_LABEL} {id: $id}) WITH coalesce(r.to, $id) AS target
       MATCH (n:${ENTITY_LABEL} {id: target}) WHERE any(label IN labels(n) WHERE label IN $labels)
       RETURN ${compiler.entity('n', selection)} AS node`,
      { id, labels: types.map((type) => LABEL_OF[type]) },
    );
    return row === undefined ? null : entityRow.parse(row.node);
  }

  async byIds(ids: string[], types: EntityType[], selection: Selection): Promise<EntityRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `UNWIND range(0, size($ids) - 1) AS i
       OPTIONAL MATCH (r:${REDIRECT_LABEL} {id: $ids[i]}) WITH i, coalesce(r.to, $ids[i]) AS target
       MATCH (n:${ENTITY_LABEL} {id: target}) WHERE any(label IN labels(n) WHERE label IN $labels)
       RETURN ${compiler.entity('n', selection)} AS node ORDER BY i`,
      { ids, labels: types.map((type) => LABEL_OF[type]) },
    );
    return rows.map((row) => entityRow.parse(row.node));
  }

  /** Ids of the organizations a reference names: its id, or its name or an alias in any case. */
  async organizationsNamed(reference: string): Promise<Array<{ id: string; name: string }>> {
    const rows = await this.db.read(
      `CALL () {
         MATCH (o:${label(EntityType.ORGANIZATION)} {id: $ref}) RETURN o
         UNION
         MATCH (o:${label(EntityType.ORGANIZATION)})
         WHERE toLower(o.name) = toLower($ref) OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower($ref))
         RETURN o
       }
       RETURN o.id AS id, o.name AS name ORDER BY o.id LIMIT 10`,
      { ref: reference },
    );
    return rows.map((row) => ({ id: String(row.id), name: String(row.name) }));
  }

  async list(type: EntityType, options: ListOptions): Promise<Page> {
    const filters = (Object.keys(options.filter) as Array<keyof ModelFilterValues>)
      .filter((name) => options.filter[name] !== undefined && options.filter[name] !== null)
      .map((name) => FILTER_CLAUSE[name]);
    const where = filters.length > 0 ? filters.join(' AND ') : 'true';
    const keys = sortKeysOf(options.order);
    const label = LABEL_OF[type];
    const compiler = new ProjectionCompiler();
    const match = orderedPage(label, where, options.order, keys, options.after);
    const [node, key] = [compiler.entity('n', options.selection), `[${keys.map((k) => k.expression).join(', ')}]`];
    const filter = { ...options.filter, ...(options.filter.nameContains != null && { nameContains: squash(options.filter.nameContains) }) };
    const params = { filter: filter as Params, after: options.after ?? null, limit: int(options.first + 1) };
    let rows: Page['rows'];
    let total: number | null = null;
    if (options.withTotal) {
      // One row, so that the count arrives with an empty page too.
      const [row] = await this.db.read(
        `CALL () { MATCH (n:${label}) WHERE ${where} RETURN count(n) AS total }
         CALL () { ${match} RETURN collect({node: ${node}, key: ${key}}) AS rows }
         RETURN rows, total`,
        params,
      );
      rows = (row?.rows ?? []) as Page['rows'];
      total = (row?.total as number | undefined) ?? null;
    } else {
      // Streamed row by row: collecting the page into one row cost Neo4j a tenth of a nested page's time.
      rows = (await this.db.read(`${match} RETURN ${node} AS node, ${key} AS key`, params)) as Page['rows'];
    }
    return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first, total };
  }
}
