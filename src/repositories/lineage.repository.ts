import type { DbScope } from '../db/database.js';
import { EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { edgeMap } from './graph.repository.js';
import { NAMED_ENTITY, ProjectionCompiler } from './projection.cypher.js';
import { lineageStepRow } from './decode.js';
import type { LineageStepRow } from './rows.js';

const ARROWS = { ANCESTORS: ['-', '->'], DESCENDANTS: ['<-', '-'] } as const;

/** Ancestors and descendants along DERIVED_FROM (child -> parent), each model once at its nearest depth. */
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
      return `MATCH p = (start)${left}[:${relType(RelationType.DERIVED_FROM)}*1..${depth}]${right}(m:${label(EntityType.MODEL)})
         WHERE m <> start AND ($kinds IS NULL OR all(r IN relationships(p) WHERE r.kind IN $kinds))
         RETURN '${direction}' AS direction, m, p`;
    });
    const rows = await this.db.read(
      `MATCH (start:${label(EntityType.MODEL)} {id: $id})
       CALL (start) { ${branches.join(' UNION ALL ')} }
       WITH start, direction, m, p ORDER BY length(p), m.id
       WITH start, direction, m, head(collect(p)) AS p
       WITH start, direction, m, p, last(relationships(p)) AS r, CASE WHEN length(p) > 1 THEN nodes(p)[-2] END AS v
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
