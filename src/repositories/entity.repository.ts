import { int, type DbScope, type Params } from '../db/database.js';
import { ENTITY_LABEL, EntityType, LABEL_OF, label, RelationType, relType, SORT_NAME } from '../domain/graph-model.js';
import type { Selection } from '../domain/selection.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { entityRow } from './decode.js';
import type { EntityRow } from './rows.js';

export type SortField = 'NAME' | 'RELEASE_DATE' | 'PARAMETERS';
export interface SortKey {
  field: SortField;
  direction: 'ASC' | 'DESC';
}

export interface ModelFilterValues {
  nameContains?: string;
  organization?: string;
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

// Sort expressions never yield null, so keyset comparisons stay total.
const SORT_EXPRESSION: Record<SortField, string> = {
  NAME: `n.${SORT_NAME}`,
  RELEASE_DATE: "coalesce(n.releaseDate, '')",
  PARAMETERS: 'coalesce(n.parameters, -1.0)',
};

// Each filter is a fixed clause reading its value from $filter; only the clauses given are used.
const FILTER_CLAUSE: Record<keyof ModelFilterValues, string> = {
  nameContains:
    '(toLower(n.name) CONTAINS toLower($filter.nameContains) OR any(a IN n.aliases WHERE toLower(a) CONTAINS toLower($filter.nameContains)))',
  organization: `EXISTS { (n)-[:${relType(RelationType.DEVELOPED_BY)}]->(:${label(EntityType.ORGANIZATION)} {id: $filter.organization}) }`,
  technique: `EXISTS { (n)-[:${relType(RelationType.USES)}]->(:${label(EntityType.TECHNIQUE)} {id: $filter.technique}) }`,
  openWeights: 'n.openWeights = $filter.openWeights',
  releasedAfter: 'left(n.releaseDate, size($filter.releasedAfter)) >= $filter.releasedAfter',
  releasedBefore: 'left(n.releaseDate, size($filter.releasedBefore)) <= $filter.releasedBefore',
  minParameters: 'n.parameters >= $filter.minParameters',
  maxParameters: 'n.parameters <= $filter.maxParameters',
};

type SortKeyExpression = { expression: string; direction: 'ASC' | 'DESC' };

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
 * without one it sorts every node of the label. Other sort keys have no index: `true`.
 */
function indexedOrder(first: SortKeyExpression, after: boolean): string {
  if (first.expression !== SORT_EXPRESSION.NAME) return 'true';
  if (!after) return `${first.expression} IS NOT NULL`;
  return `${first.expression} ${first.direction === 'ASC' ? '>=' : '<='} $after[0]`;
}

/** Entity lookups and paginated lists, each one statement with the requested fields compiled in. */
export class EntityRepository {
  constructor(private readonly db: DbScope) {}

  async byId(id: string, types: EntityType[], selection: Selection): Promise<EntityRow | null> {
    const compiler = new ProjectionCompiler();
    const [row] = await this.db.read(
      `MATCH (n:${ENTITY_LABEL} {id: $id}) WHERE any(label IN labels(n) WHERE label IN $labels)
       RETURN ${compiler.entity('n', selection)} AS node`,
      { id, labels: types.map((type) => LABEL_OF[type]) },
    );
    return row === undefined ? null : entityRow.parse(row.node);
  }

  async byIds(ids: string[], types: EntityType[], selection: Selection): Promise<EntityRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `UNWIND range(0, size($ids) - 1) AS i
       MATCH (n:${ENTITY_LABEL} {id: $ids[i]}) WHERE any(label IN labels(n) WHERE label IN $labels)
       RETURN ${compiler.entity('n', selection)} AS node ORDER BY i`,
      { ids, labels: types.map((type) => LABEL_OF[type]) },
    );
    return rows.map((row) => entityRow.parse(row.node));
  }

  async list(type: EntityType, options: ListOptions): Promise<Page> {
    const filters = (Object.keys(options.filter) as Array<keyof ModelFilterValues>)
      .filter((name) => options.filter[name] !== undefined && options.filter[name] !== null)
      .map((name) => FILTER_CLAUSE[name]);
    const where = filters.length > 0 ? filters.join(' AND ') : 'true';
    const keys: SortKeyExpression[] = [
      ...options.order.map((o) => ({ expression: SORT_EXPRESSION[o.field], direction: o.direction })),
      { expression: 'n.id', direction: options.order.at(-1)?.direction ?? 'ASC' },
    ];
    const keyset = options.after ? keysetCondition(keys) : 'true';
    const orderBy = keys.map((k) => `${k.expression} ${k.direction}`).join(', ');
    const label = LABEL_OF[type];
    const compiler = new ProjectionCompiler();
    const match = `MATCH (n:${label}) WHERE ${where} AND ${keyset} AND ${indexedOrder(keys[0]!, Boolean(options.after))}
         WITH n ORDER BY ${orderBy} LIMIT $limit`;
    const [node, key] = [compiler.entity('n', options.selection), `[${keys.map((k) => k.expression).join(', ')}]`];
    const params = { filter: options.filter as Params, after: options.after ?? null, limit: int(options.first + 1) };
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
