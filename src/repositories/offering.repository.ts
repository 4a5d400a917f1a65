/**
 * Offerings (models.dev's providers' listings): a model's offerings cheapest first, a provider's, one
 * page at a time in keyset order, each node compiled with the fields the request selects.
 */
import { type DbScope, int } from '../db/database.js';
import { EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import { OfferingStatus } from '../domain/registry.js';
import type { Selection } from '../domain/selection.js';
import type { EntityRow } from './rows.js';
import { ProjectionCompiler } from './projection.cypher.js';

export type OfferingOrderField = 'INPUT_PRICE' | 'OUTPUT_PRICE' | 'NAME';

export interface OfferingFilterValues {
  /** A model's id: its offerings. */
  model?: string;
  /** An organization's id: the offerings it provides. */
  provider?: string;
  status?: OfferingStatus;
  /** Withdrawn offerings (gone from the newest snapshot) are left out unless asked for. */
  includeWithdrawn?: boolean;
}

export interface OfferingListOptions {
  filter: OfferingFilterValues;
  order: { field: OfferingOrderField; direction: 'ASC' | 'DESC' };
  first: number;
  after?: unknown[];
  selection: Selection;
  withTotal: boolean;
}

// Each sort key never yields null: an offering without a price sorts after every priced one.
const SORT: Record<OfferingOrderField, string> = {
  INPUT_PRICE: 'coalesce(n.inputPrice, 1.0e12)',
  OUTPUT_PRICE: 'coalesce(n.outputPrice, 1.0e12)',
  NAME: 'n.sortName',
};

const FILTERS: Record<Exclude<keyof OfferingFilterValues, 'includeWithdrawn'>, string> = {
  model: `EXISTS { (n)-[:${relType(RelationType.SERVES)}]->(:${label(EntityType.MODEL)} {id: $filter.model}) }`,
  provider: `EXISTS { (n)-[:${relType(RelationType.OFFERED_BY)}]->(:${label(EntityType.ORGANIZATION)} {id: $filter.provider}) }`,
  status: 'n.status = $filter.status',
};

export interface OfferingPage {
  rows: Array<{ node: EntityRow; key: unknown[] }>;
  hasNextPage: boolean;
  total: number | null;
}

export class OfferingRepository {
  constructor(private readonly db: DbScope) {}

  async list(options: OfferingListOptions): Promise<OfferingPage> {
    const { filter, order } = options;
    const clauses = (Object.keys(FILTERS) as Array<keyof typeof FILTERS>).filter((k) => filter[k] != null).map((k) => FILTERS[k]);
    if (filter.status == null && !filter.includeWithdrawn) clauses.push(`coalesce(n.status, '') <> '${OfferingStatus.WITHDRAWN}'`);
    const where = clauses.length > 0 ? clauses.join(' AND ') : 'true';
    const [key, direction] = [SORT[order.field], order.direction];
    const beyond = direction === 'ASC' ? '>' : '<';
    const keyset = options.after ? `(${key} ${beyond} $after[0] OR (${key} = $after[0] AND n.id ${beyond} $after[1]))` : 'true';
    const offering = label(EntityType.OFFERING);
    const match = `MATCH (n:${offering}) WHERE ${where} AND ${keyset} WITH n ORDER BY ${key} ${direction}, n.id ${direction} LIMIT $limit`;
    const node = new ProjectionCompiler().entity('n', options.selection);
    const params = { filter: { ...filter }, after: options.after ?? null, limit: int(options.first + 1) };
    const [row] = await this.db.read(
      `CALL () { ${match} RETURN collect({node: ${node}, key: [${key}, n.id]}) AS rows }
       ${options.withTotal ? `CALL () { MATCH (n:${offering}) WHERE ${where} RETURN count(n) AS total }` : 'WITH rows, null AS total'}
       RETURN rows, total`,
      params,
    );
    const rows = (row?.rows ?? []) as OfferingPage['rows'];
    return { rows: rows.slice(0, options.first), hasNextPage: rows.length > options.first, total: (row?.total as number | null) ?? null };
  }
}
