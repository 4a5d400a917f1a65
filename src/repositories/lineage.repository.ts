import type { DbScope } from '../db/database.js';
import { ENTITY_LABEL, EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { edgeMap, type GraphEdgeRow } from './graph.repository.js';
import { NAMED_ENTITY, ProjectionCompiler } from './projection.cypher.js';
import type { EntityRow } from './entity.repository.js';
import { lineageStepRow } from './decode.js';

export interface LineageStepRow {
  model: EntityRow;
  depth: number;
  kind: string;
  via: EntityRow | null;
  direction: 'ANCESTORS' | 'DESCENDANTS';
  /** Present when asked for. */
  edge?: GraphEdgeRow;
  start: EntityRow;
}

const ARROWS = { ANCESTORS: ['-', '->'], DESCENDANTS: ['<-', '-'] } as const;

/**
 * Ancestors and descendants along DERIVED_FROM (child -> parent), each model once at its nearest depth.
 * A series' lineage is its members' (MEMBER_OF): the descendants of Llama 2 are those of Llama 2-7B,
 * 13B and 70B, each reached `via` the member it derives from.
 */
export class LineageRepository {
  constructor(private readonly db: DbScope) {}

  async walk(options: {
    modelId: string;
    directions: Array<'ANCESTORS' | 'DESCENDANTS'>;
    maxDepth: number;
    kinds: string[] | null;
    selection: Selection;
    /** The DERIVED_FROM relationship that reached each model, for drawing; with its citations or not. */
    edges: 'none' | 'bare' | 'cited';
  }): Promise<LineageStepRow[]> {
    // Checked again against the resolver's limit because the depth is written into Cypher.
    const depth = requireRange('maxDepth', options.maxDepth, LIMITS.lineageDepth);
    const compiler = new ProjectionCompiler();
    const branches = options.directions.map((direction) => {
      const [left, right] = ARROWS[direction];
      return `MATCH p = (root)${left}[:${relType(RelationType.DERIVED_FROM)}*1..${depth}]${right}(m:${label(EntityType.MODEL)})
         WHERE m <> start AND m <> root AND ($kinds IS NULL OR all(r IN relationships(p) WHERE r.kind IN $kinds))
         RETURN '${direction}' AS direction, m, p`;
    });
    const rows = await this.db.read(
      `MATCH (start:${ENTITY_LABEL} {id: $id}) WHERE start:${label(EntityType.MODEL)} OR start:${label(EntityType.SERIES)}
       CALL (start) {
         MATCH (root:${label(EntityType.MODEL)}) WHERE root = start RETURN root
         UNION MATCH (root:${label(EntityType.MODEL)})-[:${relType(RelationType.MEMBER_OF)}]->(start) RETURN root
       }
       CALL (start, root) { ${branches.join(' UNION ALL ')} }
       WITH start, direction, m, p ORDER BY length(p), m.id
       WITH start, direction, m, head(collect(p)) AS p
       WITH start, direction, m, p, last(relationships(p)) AS r,
            CASE WHEN length(p) > 1 THEN nodes(p)[-2] WHEN nodes(p)[0] <> start THEN nodes(p)[0] END AS v
       ORDER BY direction, length(p), m.name, m.id
       RETURN direction, length(p) AS depth, r.kind AS kind, ${NAMED_ENTITY('start')} AS start,
              ${compiler.entity('m', options.selection)} AS model,
              CASE WHEN v IS NULL THEN null ELSE ${compiler.entity('v', options.selection)} END AS via
              ${options.edges === 'none' ? '' : `, ${edgeMap('r', compiler, options.edges === 'cited')} AS edge`}`,
      { id: options.modelId, kinds: options.kinds },
    );
    return rows.map((row) => lineageStepRow.parse(row));
  }
}
