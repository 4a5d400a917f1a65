import { type DbScope, int } from '../db/database.js';
import { ENTITY_LABEL, EntityType, label, RelationType, relType } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { edgeMap } from './graph.repository.js';
import { andExistsAt, releasedBy } from './as-of.cypher.js';
import { onlyIf } from './only-if.cypher.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { entityRow, lineageStepRow } from './decode.js';
import type { EntityRow, LineageStepRow } from './rows.js';

const ARROWS = { ANCESTORS: ['-', '->'], DESCENDANTS: ['<-', '-'] } as const;
const DIRECTIONS = ['ANCESTORS', 'DESCENDANTS'] as const;
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
const afterCursor = (direction: string, depth: string, m: string) => `$after IS NULL OR ${direction} > $after.direction
  OR (${direction} = $after.direction AND (${depth} > $after.depth
  OR (${depth} = $after.depth AND (${m}.name > $after.name OR (${m}.name = $after.name AND ${m}.id > $after.id)))))`;

/** Which models of a direction a part of the walk reads: one step away, further, or all of them at once. */
type Span = 'near' | 'far' | 'all';

/**
 * The parts a page after `after` may draw from, in page order. Descendants come in two: the models one
 * step away (a hub base's tens of thousands of direct derivatives, sorted without a deeper search), then
 * deeper ones. Ancestors come in one search: a model has a handful of parents, and a second part doubled
 * the work of the commonest walk.
 */
function partsAfter(directions: Array<'ANCESTORS' | 'DESCENDANTS'>, depth: number, after: LineageCursor | null) {
  const spans = (direction: 'ANCESTORS' | 'DESCENDANTS'): Span[] =>
    direction === 'ANCESTORS' ? ['all'] : depth > 1 ? ['near', 'far'] : ['near'];
  return DIRECTIONS.filter((d) => directions.includes(d))
    .flatMap((direction) => spans(direction).map((span) => ({ direction, span })))
    .filter(
      (part) =>
        after === null ||
        part.direction > after.direction ||
        (part.direction === after.direction && (part.span !== 'near' || after.depth <= 1)),
    );
}

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
    /** The start model on every step too (the lineage as a graph draws it); other callers know it already. */
    withStart?: boolean;
    /** A day from asOfDay: only through models released by then (src/domain/as-of.ts). */
    asOf?: string | null;
    /** At most `first` steps after `after` (one more is read, so the caller knows whether more follow). */
    page: { first: number; after: LineageCursor | null };
  }): Promise<LineageStepRow[]> {
    const asOf = options.asOf ?? null;
    // Checked again against the resolver's limit because the depth is written into Cypher.
    const depth = requireRange('maxDepth', options.maxDepth, LIMITS.lineageDepth);
    const compiler = new ProjectionCompiler();
    // Every node a walk passes is a model (DERIVED_FROM joins models), so existing then is being released by then.
    const exists = (v: string) => (asOf === null ? '' : ` WHERE ${releasedBy(v)}`);
    const model = label(EntityType.MODEL);
    const members = `(start)<-[:${relType(RelationType.MEMBER_OF)}]-(root:${model}${exists('root')})`;
    // One DERIVED_FROM step in `direction` of a kind asked for, to model `to`.
    const hop = (direction: 'ANCESTORS' | 'DESCENDANTS', to: string) => {
      const [left, right] = ARROWS[direction];
      return `${left}[r:${relType(RelationType.DERIVED_FROM)} WHERE $kinds IS NULL OR r.kind IN $kinds]${right}(${to}:${model}${exists(to)})`;
    };
    // Paths `p` to models `m` from the start (a model) or from its members (a series); `depth` counts DERIVED_FROM steps.
    const fromStart = (path: (from: string) => string) => `CALL (start) {
           MATCH p = ${path('(start)')} WHERE start:${model} RETURN p, m, length(p) AS depth
           UNION ALL
           MATCH p = ${path(members)} WHERE start:${label(EntityType.SERIES)} RETURN p, m, length(p) - 1 AS depth
         }`;
    // The models one step away, each once, sorted, and only then the paths to the page's: a hub base's
    // 40,000 direct derivatives grouped with their paths before sorting took 40% more of Neo4j's time.
    const near = (direction: 'ANCESTORS' | 'DESCENDANTS', carried: string) => {
      const step = (from: string) => `${from}${hop(direction, 'm')}`;
      const series = label(EntityType.SERIES);
      return `CALL (start) {
           MATCH ${step('(start)')} WHERE start:${model} RETURN m
           UNION
           MATCH ${step(members)} WHERE start:${series} RETURN m
         }
         WITH start, '${direction}' AS direction, m, 1 AS depth WHERE m <> start AND (${afterCursor('direction', 'depth', 'm')})
         WITH start, direction, m, depth ORDER BY m.name, m.id LIMIT $limit
         CALL (start, m) {
           MATCH p = ${step('(start)')} WHERE start:${model} RETURN p
           UNION ALL
           MATCH p = ${step(members)} WHERE start:${series} RETURN p
         }
         WITH ${carried}direction, m, head(collect(p)) AS p, depth ORDER BY m.name, m.id`;
    };
    // Models at any depth (or only further than one step), each by one of its shortest paths: a
    // breadth-first search, not every path (a hub base's descendants reach it along millions of paths).
    const shortest = (direction: 'ANCESTORS' | 'DESCENDANTS', farOnly: boolean) =>
      `${fromStart((from) => `ANY SHORTEST ${from}((x)${hop(direction, 'y')}){1,${depth}}(m:${model})`)}
         WITH start, '${direction}' AS direction, m, p, depth${farOnly ? ' WHERE depth > 1' : ''}`;
    // The start goes on only to be drawn. A path's node before `m` is its `via` unless it is the start: a
    // series' paths begin at the series and go on through a member, so theirs are never the start.
    const carried = options.withStart ? 'start, ' : '';
    // The page's steps of one part, in page order.
    const steps = (direction: 'ANCESTORS' | 'DESCENDANTS', span: Span) =>
      span === 'near'
        ? near(direction, carried)
        : `${shortest(direction, span === 'far')}
         WITH start, direction, m, p, depth WHERE m <> start AND (${afterCursor('direction', 'depth', 'm')})
         WITH ${carried}direction, m, p, depth ORDER BY depth, m.name, m.id LIMIT $limit`;
    // Of several parts, each is searched only while the page is short.
    const part = (direction: 'ANCESTORS' | 'DESCENDANTS', span: Span, index: number) =>
      `CALL (start, steps) {
         ${onlyIf('size(steps) < $limit')}
         ${steps(direction, span)}
         RETURN collect({direction: direction, depth: depth, m: m, p: p}) AS part${index}
       }
       WITH start, steps + part${index} AS steps`;
    const parts = partsAfter(options.directions, depth, options.page.after);
    // One part (every ancestors walk; descendants one step deep, or past the direct ones) is read as it is:
    // gathering it in a list to add to others cost Neo4j 6% of its time on the commonest walk.
    const [only] = parts;
    const page =
      parts.length === 1 && only
        ? steps(only.direction, only.span)
        : `WITH start, [] AS steps
       ${parts.map((p, i) => part(p.direction, p.span, i)).join('\n       ')}
       UNWIND steps[..$limit] AS step
       WITH ${carried}step.direction AS direction, step.depth AS depth, step.m AS m, step.p AS p`;
    const rows = await this.db.read(
      `MATCH ${START} WHERE ${START_KIND}${andExistsAt('start', asOf)}
       ${page}
       WITH ${carried}direction, depth, m, last(relationships(p)) AS r, CASE WHEN length(p) > 1 THEN nodes(p)[-2] END AS v
       RETURN direction, depth, r.kind AS kind, m.name AS modelName,${options.withStart ? ` ${compiler.entity('start', options.selection)} AS start,` : ''}
              ${compiler.entity('m', options.selection)} AS model,
              CASE WHEN v IS NULL THEN null ELSE ${compiler.entity('v', options.selection)} END AS via
              ${options.edges === 'none' ? '' : `, ${edgeMap('r', compiler, options.edges === 'cited')} AS edge`}`,
      { id: options.modelId, kinds: options.kinds, asOf, after: options.page.after, limit: int(options.page.first + 1) },
    );
    return rows.map((row) => lineageStepRow.parse(row));
  }
}
