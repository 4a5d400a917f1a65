import { type DbScope, int } from '../db/database.js';
import { ENTITY_LABEL, EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { edgeMap } from './graph.repository.js';
import { andExistsAt, existsAt } from './as-of.cypher.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { entityRow, lineageStepRow } from './decode.js';
import type { EntityRow, LineageStepRow } from './rows.js';

const ARROWS = { ANCESTORS: ['-', '->'], DESCENDANTS: ['<-', '-'] } as const;
/** A walk starts at a model, or at a series (its members' lineage). */
const START = `(start:${ENTITY_LABEL} {id: $id})`;
const START_KIND = `(start:${label(EntityType.MODEL)} OR start:${label(EntityType.SERIES)})`;

/** Where a page of a lineage ends, in its order: direction, depth, name, id. */
export interface LineageCursor {
  direction: 'ANCESTORS' | 'DESCENDANTS';
  depth: number;
  name: string;
  id: string;
}

export const encodeLineageCursor = (step: LineageStepRow): string =>
  Buffer.from(JSON.stringify([step.direction, step.depth, step.modelName, step.model.id])).toString('base64url');

/** Undefined for text that is no cursor of ours. */
export function decodeLineageCursor(text: string): LineageCursor | undefined {
  try {
    const [direction, depth, name, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if ((direction !== 'ANCESTORS' && direction !== 'DESCENDANTS') || !Number.isInteger(depth)) return undefined;
    if (typeof name !== 'string' || typeof id !== 'string') return undefined;
    return { direction, depth: depth as number, name, id };
  } catch {
    return undefined;
  }
}

// Keyset: the steps after the cursor in (direction, depth, name, id) order.
const AFTER_CURSOR = `$after IS NULL OR direction > $after.direction OR (direction = $after.direction AND (length(p) > $after.depth
  OR (length(p) = $after.depth AND (m.name > $after.name OR (m.name = $after.name AND m.id > $after.id)))))`;

/**
 * Ancestors and descendants along DERIVED_FROM (child -> parent), each model once at its nearest depth.
 * A series' lineage is its members' (MEMBER_OF): the descendants of Llama 2 are those of Llama 2-7B,
 * 13B and 70B, each reached `via` the member it derives from.
 */
export class LineageRepository {
  constructor(private readonly db: DbScope) {}

  /** The model (or series) a walk starts at, when it exists (as of the day, when one is given). */
  async start(modelId: string, selection: Selection, asOf: string | null = null): Promise<EntityRow | null> {
    const compiler = new ProjectionCompiler();
    const [row] = await this.db.read(
      `MATCH ${START} WHERE ${START_KIND}${andExistsAt('start', asOf)} RETURN ${compiler.entity('start', selection)} AS node`,
      { id: modelId, asOf },
    );
    return row === undefined ? null : entityRow.parse(row.node);
  }

  async walk(options: {
    modelId: string;
    directions: Array<'ANCESTORS' | 'DESCENDANTS'>;
    maxDepth: number;
    kinds: string[] | null;
    selection: Selection;
    /** The DERIVED_FROM relationship that reached each model, for drawing; with its citations or not. */
    edges: 'none' | 'bare' | 'cited';
    /** A day from asOfDay: only through models released by then (src/domain/as-of.ts). */
    asOf?: string | null;
    /** At most `first` steps after `after` (one more is read, so the caller knows whether more follow). */
    page: { first: number; after: LineageCursor | null };
  }): Promise<LineageStepRow[]> {
    const asOf = options.asOf ?? null;
    // Checked again against the resolver's limit because the depth is written into Cypher.
    const depth = requireRange('maxDepth', options.maxDepth, LIMITS.lineageDepth);
    const compiler = new ProjectionCompiler();
    const branches = options.directions.map((direction) => {
      const [left, right] = ARROWS[direction];
      return `MATCH p = (root)${left}[:${relType(RelationType.DERIVED_FROM)}*1..${depth}]${right}(m:${label(EntityType.MODEL)})
         WHERE m <> start AND m <> root AND ($kinds IS NULL OR all(r IN relationships(p) WHERE r.kind IN $kinds))${
           asOf === null ? '' : ` AND all(n IN nodes(p) WHERE ${existsAt('n')})`
         }
         RETURN '${direction}' AS direction, m, p`;
    });
    const rows = await this.db.read(
      `MATCH ${START} WHERE ${START_KIND}${andExistsAt('start', asOf)}
       CALL (start) {
         MATCH (root:${label(EntityType.MODEL)}) WHERE root = start RETURN root
         UNION MATCH (root:${label(EntityType.MODEL)})-[:${relType(RelationType.MEMBER_OF)}]->(start) RETURN root
       }
       CALL (start, root) { ${branches.join(' UNION ALL ')} }
       WITH start, direction, m, p ORDER BY length(p), m.id
       WITH start, direction, m, head(collect(p)) AS p
       WITH start, direction, m, p WHERE ${AFTER_CURSOR}
       WITH start, direction, m, p ORDER BY direction, length(p), m.name, m.id LIMIT $limit
       WITH start, direction, m, p, last(relationships(p)) AS r,
            CASE WHEN length(p) > 1 THEN nodes(p)[-2] WHEN nodes(p)[0] <> start THEN nodes(p)[0] END AS v
       RETURN direction, length(p) AS depth, r.kind AS kind, ${compiler.entity('start', options.selection)} AS start, m.name AS modelName,
              ${compiler.entity('m', options.selection)} AS model,
              CASE WHEN v IS NULL THEN null ELSE ${compiler.entity('v', options.selection)} END AS via
              ${options.edges === 'none' ? '' : `, ${edgeMap('r', compiler, options.edges === 'cited')} AS edge`}
       ORDER BY direction, depth, m.name, m.id`,
      { id: options.modelId, kinds: options.kinds, asOf, after: options.page.after, limit: int(options.page.first + 1) },
    );
    return rows.map((row) => lineageStepRow.parse(row));
  }
}
