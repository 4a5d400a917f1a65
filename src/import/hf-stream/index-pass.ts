/**
 * Pass 1 of a streamed Hugging Face import: every line read once, every record's entity decided in file
 * order (so ids are those the planner would give), without holding the file. A model is its full repo id:
 * it is the graph's model whose name or alias is that id, the entity a decision names, or a new one.
 * Authors resolve as organizations through the resolution stage (src/resolve), as in every import.
 * Memory: one entry per distinct repo id and per author (about 150 bytes each), never the file's text.
 */
import { EntityType } from '../../domain/registry.js';
import type { Decisions } from '../../resolve/decisions.js';
import type { Resolution, Resolver } from '../../resolve/resolver.js';
import { isProblem, parseHfLine, unknownFieldWarnings } from '../formats/hf-model-tree.js';
import type { Ambiguity } from '../plan-types.js';
import type { Problem } from '../records.js';
import { readLines } from './lines.js';

export const HF_FORMAT = 'hf-model-tree';

/** A model of the graph as a streamed import resolves repo ids against it. */
export interface GraphModel {
  id: string;
  name: string;
  aliases: string[];
  releaseDate: string | null;
}

/** A record's entity: matched in the graph (by repo id or a decision), or new. */
export interface RecordEntity {
  id: string;
  line: number;
  match?: { by: 'name' | 'decision'; evidence: string[] };
}

/** Lists in the report hold at most this many items; their counts are whole. */
export const LISTED = 1_000;

export class CappedList<T> {
  readonly items: T[] = [];
  count = 0;
  push(item: T): void {
    this.count += 1;
    if (this.items.length < LISTED) this.items.push(item);
  }
}

export interface HfIndex {
  rowsRead: number;
  parsed: number;
  skipped: CappedList<Problem>;
  warnings: Problem[];
  /** Lower-cased repo id -> the entity of the record naming it (the first record, when several do). */
  records: Map<string, RecordEntity>;
  /** Lines whose record names a repo id an earlier line named: ambiguous, not written. */
  repeated: Set<number>;
  ambiguous: CappedList<Ambiguity>;
  /** Author name -> its organization, resolved once. */
  organizations: Map<string, Resolution>;
  /** New organization id -> the row that introduced it (which cites it). */
  orgIntroducedBy: Map<string, string>;
  /** Lower-cased name or alias -> the graph's models so named. */
  graphNames: Map<string, string[]>;
  graphModels: Map<string, GraphModel>;
  /** Graph models a record describes (matched): cited by that row, never as a mention. */
  described: Set<string>;
  newModels: number;
}

export function indexGraphModels(models: GraphModel[]): Pick<HfIndex, 'graphNames' | 'graphModels'> {
  const graphNames = new Map<string, string[]>();
  const graphModels = new Map<string, GraphModel>();
  for (const model of models) {
    graphModels.set(model.id, model);
    for (const name of new Set([model.name, ...model.aliases].map((n) => n.toLowerCase()))) {
      const ids = graphNames.get(name);
      if (ids === undefined) graphNames.set(name, [model.id]);
      else ids.push(model.id);
    }
  }
  return { graphNames, graphModels };
}

export async function indexPass(
  file: string,
  resolver: Resolver,
  decisions: Decisions,
  graph: Pick<HfIndex, 'graphNames' | 'graphModels'>,
  graphIds: Set<string>,
  onLine: (line: number) => void = () => {},
): Promise<HfIndex> {
  const index: HfIndex = {
    rowsRead: 0,
    parsed: 0,
    skipped: new CappedList(),
    warnings: [],
    records: new Map(),
    repeated: new Set(),
    ambiguous: new CappedList(),
    organizations: new Map(),
    orgIntroducedBy: new Map(),
    described: new Set(),
    newModels: 0,
    ...graph,
  };
  const unknown = new Map<string, string>();
  const recordOfId = new Map<string, string>();
  for await (const { line, number } of readLines(file)) {
    onLine(number);
    const rowKey = `line ${number}`;
    const parsed = parseHfLine(line, rowKey, unknown);
    if (parsed === undefined) continue;
    index.rowsRead += 1;
    if (isProblem(parsed)) {
      index.skipped.push(parsed);
      continue;
    }
    index.parsed += 1;
    for (const author of parsed.organizations) {
      if (index.organizations.has(author)) continue;
      const org = resolver.resolveOrganization(author, rowKey);
      index.organizations.set(author, org);
      if (org.status === 'new' && !index.orgIntroducedBy.has(org.id)) index.orgIntroducedBy.set(org.id, rowKey);
    }
    const key = parsed.name.toLowerCase();
    const earlier = index.records.get(key);
    if (earlier !== undefined) {
      index.repeated.add(number);
      index.ambiguous.push({ rowKey, name: parsed.name, role: 'record', candidates: [`${earlier.id} (also line ${earlier.line})`] });
      continue;
    }
    const entity = resolveModel(parsed.name, parsed.aliases, number, resolver, decisions, index, graphIds);
    if ('candidates' in entity) {
      index.repeated.add(number);
      index.ambiguous.push({ rowKey, name: parsed.name, role: 'record', candidates: entity.candidates });
      continue;
    }
    const other = recordOfId.get(entity.id);
    if (other !== undefined) {
      index.repeated.add(number);
      index.ambiguous.push({ rowKey, name: parsed.name, role: 'record', candidates: [`${entity.id} (also ${other})`] });
      continue;
    }
    recordOfId.set(entity.id, rowKey);
    index.records.set(key, entity);
    if (entity.match) index.described.add(entity.id);
    else index.newModels += 1;
  }
  index.warnings = unknownFieldWarnings(unknown);
  return index;
}

/** The model a repo id names: a decision's entity, the graph's model of that id, or a new one. */
function resolveModel(
  name: string,
  aliases: string[],
  line: number,
  resolver: Resolver,
  decisions: Decisions,
  index: HfIndex,
  graphIds: Set<string>,
): RecordEntity | { candidates: string[] } {
  const same = decisions.sameAs([name, ...aliases], EntityType.MODEL, HF_FORMAT);
  if (same?.id !== undefined) {
    const id = decisions.target(same.id);
    if (graphIds.has(id)) return { id, line, match: { by: 'decision', evidence: [`a decision makes "${name}" ${id}`] } };
    resolver.reserve([id]);
    return { id, line };
  }
  const named = index.graphNames.get(name.toLowerCase()) ?? [];
  if (named.length > 1) return { candidates: [...named].sort() };
  if (named.length === 1) return { id: named[0]!, line, match: { by: 'name', evidence: [`the graph's model has the repo id "${name}"`] } };
  return { id: resolver.freshId(name), line };
}
