import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  acyclicRelations,
  ENTITY_TYPES,
  type EntityType,
  fromKinds,
  RELATION_TYPES,
  RELATIONS,
  type RelationType,
} from '../domain/registry.js';
import { aliasesProblem, relationshipShapeProblem } from '../domain/write-rules.js';
import {
  ENTITY_FILES,
  type EntityEntry,
  relationshipFile,
  relationshipSchema,
  sourceSchema,
  type Citation,
  type RelationshipEntry,
  type SourceEntry,
} from './seed.schema.js';

export type EntityEntries = Record<EntityType, EntityEntry[]>;
export type AnyEntityEntry = EntityEntry;

export interface Dataset {
  sources: SourceEntry[];
  entities: EntityEntries;
  relationships: Record<RelationType, RelationshipEntry[]>;
  /** Ids of entries that failed their schema: already reported, so references to them are not. */
  rejectedIds?: Set<string>;
}

/** One problem in the seed folder, located by file and entry. */
export interface SeedProblem {
  file: string;
  entry: string;
  message: string;
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: SeedProblem[]) {
    super(`The seed data has ${problems.length} problem(s):\n${problems.map(formatProblem).join('\n')}`);
  }
}

export const formatProblem = (p: SeedProblem): string => `${p.file} ${p.entry}: ${p.message}`;

const SOURCES_FILE = 'sources.json';
export const DOCUMENTS_DIR = 'documents';

/** Where each parsed entry stood in its file, so messages name it even after invalid neighbours were dropped. */
const LABELS = new WeakMap<object, string>();
const labelOf = (index: number, value: object): string => LABELS.get(value) ?? entryLabel(index, value);

const entryLabel = (index: number, value: unknown): string => {
  const v = value as { id?: unknown; from?: unknown; to?: unknown } | null;
  if (typeof v?.id === 'string') return `#${index + 1} (${v.id})`;
  if (typeof v?.from === 'string') return `#${index + 1} (${v.from} -> ${String(v.to)})`;
  return `#${index + 1}`;
};

function readArray<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: SeedProblem[],
  rejectedIds: Set<string>,
  optional = false,
): z.infer<S>[] {
  const full = path.join(dir, file);
  if (!existsSync(full)) {
    if (!optional) problems.push({ file, entry: '-', message: 'file is missing' });
    return [];
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(full, 'utf8'));
  } catch (error) {
    problems.push({ file, entry: '-', message: `not valid JSON: ${(error as Error).message}` });
    return [];
  }
  if (!Array.isArray(raw)) {
    problems.push({ file, entry: '-', message: 'must hold a JSON array' });
    return [];
  }
  const out: z.infer<S>[] = [];
  raw.forEach((value, index) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) {
      LABELS.set(parsed.data as object, entryLabel(index, value));
      out.push(parsed.data);
      return;
    }
    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') rejectedIds.add(id);
    for (const issue of parsed.error.issues)
      problems.push({ file, entry: entryLabel(index, value), message: `${issue.path.join('.') || 'entry'}: ${issue.message}` });
  });
  return out;
}

/** Reads the seed folder and checks every file against its schema (cross-file checks are in validateDataset). */
export function readDataset(dir: string): { dataset: Dataset; problems: SeedProblem[] } {
  const problems: SeedProblem[] = [];
  const rejectedIds = new Set<string>();
  const entities = Object.fromEntries(
    Object.entries(ENTITY_FILES).map(([type, { file, schema }]) => [type, readArray(dir, file, schema, problems, rejectedIds)]),
  ) as unknown as EntityEntries;
  const relationships = Object.fromEntries(
    RELATION_TYPES.map((type) => [type, readArray(dir, relationshipFile(type), relationshipSchema, problems, rejectedIds, true)]),
  ) as Record<RelationType, RelationshipEntry[]>;
  const sources = readArray(dir, SOURCES_FILE, sourceSchema, problems, rejectedIds);
  return { dataset: { sources, entities, relationships, rejectedIds }, problems };
}

/** Ids, references, labels, lineage cycles and verbatim quotes across the whole dataset. */
export function validateDataset(dataset: Dataset, dir: string): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const documents = new Map<string, string>();
  const typeOf = new Map<string, EntityType | 'SOURCE'>();
  const catalogues = new Set(dataset.sources.filter((s) => s.file === undefined).map((s) => s.id));

  dataset.sources.forEach((source, index) => {
    if (typeOf.has(source.id)) problems.push({ file: SOURCES_FILE, entry: labelOf(index, source), message: `duplicate id "${source.id}"` });
    typeOf.set(source.id, 'SOURCE');
    // A catalogue snapshot (no file): its citations quote the catalogue's own words, not a document.
    if (source.file === undefined) return;
    const documentPath = path.join(dir, DOCUMENTS_DIR, source.file);
    if (existsSync(documentPath)) documents.set(source.id, readFileSync(documentPath, 'utf8'));
    else
      problems.push({ file: SOURCES_FILE, entry: labelOf(index, source), message: `document ${DOCUMENTS_DIR}/${source.file} is missing` });
  });

  const checkCitations = (file: string, entry: string, citations: Citation[], field: string) => {
    citations.forEach((citation, i) => {
      if (!('source' in citation)) return;
      const document = documents.get(citation.source);
      if (typeOf.get(citation.source) !== 'SOURCE') {
        problems.push({ file, entry, message: `${field}.${i}: unknown source "${citation.source}"` });
      } else if (catalogues.has(citation.source)) {
        if (citation.quote === undefined && citation.note === undefined)
          problems.push({ file, entry, message: `${field}.${i}: a catalogue citation needs the catalogue's words (quote) or a note` });
      } else if (citation.quote === undefined) {
        problems.push({ file, entry, message: `${field}.${i}: a document citation needs its verbatim quote` });
      } else if (citation.quote.length > 400) {
        problems.push({ file, entry, message: `${field}.${i}: a document quote is at most 400 characters` });
      } else if (document !== undefined && !document.includes(citation.quote)) {
        problems.push({
          file,
          entry,
          message: `${field}.${i}: quote does not appear verbatim in ${citation.source}: "${citation.quote.slice(0, 60)}"`,
        });
      }
    });
  };

  for (const type of ENTITY_TYPES) {
    const file = ENTITY_FILES[type].file;
    dataset.entities[type].forEach((entity: AnyEntityEntry, index: number) => {
      const entry = labelOf(index, entity);
      if (typeOf.has(entity.id))
        problems.push({ file, entry, message: `duplicate id "${entity.id}" (ids are unique across all kinds and sources)` });
      else typeOf.set(entity.id, type);
      const aliases = aliasesProblem(entity.name, entity.aliases);
      if (aliases) problems.push({ file, entry, message: aliases });
      checkCitations(file, entry, entity.mentions, 'mentions');
      if (entity.claims) checkCitations(file, entry, entity.claims, 'claims');
    });
  }

  for (const type of RELATION_TYPES) {
    const file = relationshipFile(type);
    const [fromTypes, toTypes] = [fromKinds(type), [RELATIONS[type].to]];
    const seen = new Set<string>();
    dataset.relationships[type].forEach((rel, index) => {
      const entry = labelOf(index, rel);
      for (const [end, expected] of [
        [rel.from, fromTypes],
        [rel.to, toTypes],
      ] as const) {
        const actual = typeOf.get(end);
        if (actual === undefined && dataset.rejectedIds?.has(end)) continue;
        if (actual === undefined) problems.push({ file, entry, message: `unknown id "${end}"` });
        else if (!(expected as readonly string[]).includes(actual))
          problems.push({ file, entry, message: `"${end}" is a ${actual}, but ${type} needs a ${expected.join(' or ')} there` });
      }
      const shape = relationshipShapeProblem(type, rel.from, rel.to, rel.kind);
      if (shape) problems.push({ file, entry, message: shape.message });
      const key = `${rel.from}->${rel.to}`;
      if (seen.has(key)) problems.push({ file, entry, message: `duplicate relationship ${key}` });
      seen.add(key);
      checkCitations(file, entry, rel.citations, 'citations');
    });
  }

  for (const type of acyclicRelations()) {
    for (const cycle of findCycles(dataset.relationships[type])) {
      problems.push({ file: relationshipFile(type), entry: `cycle`, message: `${type} forms a cycle: ${cycle.join(' -> ')}` });
    }
  }
  return problems;
}

/** Each cycle once, as the list of ids around it (depth-first search with colouring). */
export function findCycles(edges: Array<{ from: string; to: string }>): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'active');
    stack.push(node);
    for (const target of next.get(node) ?? []) {
      if (state.get(target) === 'active') cycles.push([...stack.slice(stack.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of next.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

/** Reads and validates; throws SeedValidationError listing every problem when anything is wrong. */
export function loadDatasetOrThrow(dir: string, check: (dataset: Dataset) => SeedProblem[] = () => []): Dataset {
  const { dataset, problems } = readDataset(dir);
  problems.push(...validateDataset(dataset, dir));
  if (problems.length === 0) problems.push(...check(dataset));
  if (problems.length > 0) throw new SeedValidationError(problems);
  return dataset;
}
