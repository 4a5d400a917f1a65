import { int, type DbScope } from '../db/database.js';
import { ENTITY_LABEL, RelationType } from '../domain/graph-model.js';
import { STRUCTURAL_RELATIONS } from '../domain/registry.js';
import { LIMITS, type Range, requireRange } from '../domain/limits.js';
import { ProjectionCompiler, typeExpression } from './projection.cypher.js';
import { graphRows } from './decode.js';
import type { GraphRows } from './rows.js';
import { andExistsAt, existsAt, sinceOf } from './as-of.cypher.js';
import { influenceMap } from './measures.repository.js';

/** Relationship types joined with | for a pattern; values come only from the RelationType enum. */

export function typeAlternatives(types: RelationType[]): string {
  const valid = types.filter((type) => Object.values(RelationType).includes(type));
  return (valid.length > 0 ? valid : STRUCTURAL_RELATIONS).join('|');
}

/** What a GraphNode carries beyond id, label and type, when the request reads it. */
export interface NodeExtras {
  influence?: boolean;
  date?: boolean;
}

/** A GraphNode of node `v`. */
export const nodeMap = (v: string, extras: NodeExtras = {}) =>
  `{id: ${v}.id, label: ${v}.name, type: ${typeExpression(v)}${extras.influence ? `, influence: ${influenceMap(v)}` : ''}${
    extras.date ? `, date: ${sinceOf(v)}` : ''
  }}`;

export function edgeMap(r: string, compiler: ProjectionCompiler, withCitations: boolean): string {
  const citations = withCitations ? `, citations: ${compiler.relationshipCitations(r)}` : '';
  return `{id: coalesce(${r}.id, elementId(${r})), source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}), kind: ${r}.kind${citations}}`;
}

/** Paths and neighbourhoods, each a single statement over indexed ids with bounded depth and size. */
export class GraphRepository {
  constructor(private readonly db: DbScope) {}

  /** A shortest path ignoring direction, nodes in path order; null when none within maxDepth. */
  async shortestPath(options: {
    fromId: string;
    toId: string;
    maxDepth: number;
    types: RelationType[];
    withCitations: boolean;
    nodes?: NodeExtras;
    /** A day from asOfDay: only through entities that existed then (src/domain/as-of.ts). */
    asOf?: string | null;
  }): Promise<GraphRows | null> {
    const { fromId, toId, maxDepth, types, withCitations } = options;
    const asOf = options.asOf ?? null;
    const compiler = new ProjectionCompiler();
    // Checked again against the resolver's limit because the depth is written into Cypher.
    const depth = requireRange('maxDepth', maxDepth, LIMITS.pathDepth);
    if (fromId === toId) {
      const rows = await this.db.read(
        `MATCH (a:${ENTITY_LABEL} {id: $id}) WHERE true${andExistsAt('a', asOf)} RETURN [${nodeMap('a', options.nodes)}] AS nodes, [] AS edges`,
        { id: fromId, asOf },
      );
      return rows[0] ? { ...graphRows.parse(rows[0]), truncated: false } : null;
    }
    const [row] = await this.db.read(
      `MATCH (a:${ENTITY_LABEL} {id: $from}), (b:${ENTITY_LABEL} {id: $to}) WHERE true${andExistsAt('a', asOf)}${andExistsAt('b', asOf)}
       MATCH p = shortestPath((a)-[:${typeAlternatives(types)}*..${depth}]-(b))${asOf === null ? '' : ` WHERE all(n IN nodes(p) WHERE ${existsAt('n')})`}
       RETURN [n IN nodes(p) | ${nodeMap('n', options.nodes)}] AS nodes, [r IN relationships(p) | ${edgeMap('r', compiler, withCitations)}] AS edges`,
      { from: fromId, to: toId, asOf },
    );
    return row ? { ...graphRows.parse(row), truncated: false } : null;
  }

  /**
   * Breadth-first expansion from the start ids, level by level with each node kept once, so hubs
   * cannot blow up the work; at most `limit` nodes, closest first, and the edges among them.
   */
  async expand(options: {
    ids: string[];
    depth: number;
    /** The limit the caller checked `depth` against (neighbourhood or downstream), checked again here. */
    depthLimit: Range;
    limit: number;
    types: RelationType[];
    direction: 'BOTH' | 'IN' | 'OUT';
    withCitations: boolean;
    nodes?: NodeExtras;
    /** A day from asOfDay: only entities that existed then, and the relationships between them. */
    asOf?: string | null;
  }): Promise<GraphRows> {
    const asOf = options.asOf ?? null;
    const depth = requireRange('depth', options.depth, options.depthLimit);
    const rel = `[:${typeAlternatives(options.types)}]`;
    const step = options.direction === 'IN' ? `<-${rel}-` : options.direction === 'OUT' ? `-${rel}->` : `-${rel}-`;
    const levels: string[] = [];
    for (let level = 1; level <= depth; level += 1) {
      const seen = Array.from({ length: level }, (_, i) => `NOT x IN level${i}`).join(' AND ');
      const carried = Array.from({ length: level }, (_, i) => `level${i}`).join(', ');
      levels.push(
        `CALL (level${level - 1}) { UNWIND level${level - 1} AS f MATCH (f)${step}(x:${ENTITY_LABEL}) WHERE true${andExistsAt('x', asOf)}
           WITH DISTINCT x LIMIT $cap RETURN collect(x) AS found${level} }
         WITH ${carried}, [x IN found${level} WHERE ${seen}] AS level${level}`,
      );
    }
    const all = Array.from({ length: depth + 1 }, (_, i) => `level${i}`).join(' + ');
    const compiler = new ProjectionCompiler();
    const [row] = await this.db.read(
      `MATCH (s:${ENTITY_LABEL}) WHERE s.id IN $ids${andExistsAt('s', asOf)}
       WITH collect(DISTINCT s) AS level0
       ${levels.join('\n')}
       WITH ${all} AS everything
       WITH everything[0..$limit] AS kept, size(everything) > $limit AS truncated
       CALL (kept) {
         UNWIND kept AS a MATCH (a)-[r:${typeAlternatives(options.types)}]->(b) WHERE b IN kept
         RETURN collect(${edgeMap('r', compiler, options.withCitations)}) AS edges
       }
       RETURN [n IN kept | ${nodeMap('n', options.nodes)}] AS nodes, edges, truncated`,
      { ids: options.ids, limit: int(options.limit), cap: int(options.limit + 1), asOf },
    );
    return row === undefined ? { nodes: [], edges: [], truncated: false } : { ...graphRows.parse(row), truncated: Boolean(row.truncated) };
  }
}
