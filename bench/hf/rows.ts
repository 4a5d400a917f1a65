/**
 * The synthetic Hugging Face tree as the graph's rows (the shared write model's GraphRows shape),
 * produced on demand so two million models stream into the bulk loader's CSV files: models (repo
 * name as name, full `author/repo` id as alias), authors as organizations, one catalogue Source,
 * DERIVED_FROM with the hub's relation as lineage kind, DEVELOPED_BY, and the citations an import
 * of the hub's cards writes (a mention per entity, claims on release date and parameters).
 */
import type { GraphRowSource } from '../../src/bulk-load/import-csv.js';
import { LineageKind, RelationType } from '../../src/domain/registry.js';
import { type CitationRow, type EntityRow, edgeId, type RelationshipRow, type SourceRow } from '../../src/seed/graph-rows.js';
import { createdAt, type HfRelation, type HfTree, parentsOf, relationOf } from './tree.js';

export const HF_SOURCE_ID = 'hf-hub-synthetic';
const KIND: Record<HfRelation, LineageKind> = {
  finetune: LineageKind.FINE_TUNE,
  adapter: LineageKind.ADAPTER,
  quantized: LineageKind.QUANTIZED,
  merge: LineageKind.MERGE,
};

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Entity ids: slugs of the authors and of the full repo ids (the resolve branch owns the final id
 * rule for Hugging Face; this is the one place to follow it). Two names with one slug get `-2`, `-3`.
 */
export function entityIds(tree: HfTree): { models: string[]; authors: string[] } {
  const taken = new Set<string>();
  const unique = (base: string) => {
    let id = base;
    for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  const authors = tree.authors.map((a) => unique(`${slug(a)}-hf`));
  const models = tree.repoIds.map((r) => unique(slug(r)));
  return { models, authors };
}

const iterable = <T>(make: () => Generator<T>): Iterable<T> => ({ [Symbol.iterator]: make });

const citation = (entityId: string, ordinal: number, line: number, claim?: { attribute: string; value: unknown }): CitationRow => ({
  entityId,
  sourceId: HF_SOURCE_ID,
  ordinal,
  quote: null,
  note: null,
  confidence: 0.5,
  attribute: claim?.attribute ?? null,
  value: claim === undefined ? null : JSON.stringify(claim.value),
  locator: `line ${line}`,
  rank: null,
  reason: null,
  hedged: null,
});

const link = (from: string, type: RelationType, to: string, kind: string | null, line: number): RelationshipRow => ({
  id: edgeId(from, type, to),
  from,
  to,
  kind,
  citationSources: [HF_SOURCE_ID],
  citationQuotes: [`line ${line}`],
  citationNotes: [''],
  citationConfidences: [0.5],
  confidence: 0.5,
});

export function hfRows(tree: HfTree, ids = entityIds(tree)): GraphRowSource & { entityCount: number } {
  const day = (i: number) => createdAt(tree, i).slice(0, 10);
  const source: SourceRow = {
    id: HF_SOURCE_ID,
    title: 'Synthetic Hugging Face model tree (bench/hf)',
    file: null,
    url: 'https://huggingface.co/models',
    author: null,
    date: null,
  };
  const model = (i: number): EntityRow => ({
    id: ids.models[i]!,
    name: tree.repoIds[i]!.slice(tree.repoIds[i]!.indexOf('/') + 1),
    aliases: [tree.repoIds[i]!],
    aliasText: tree.repoIds[i]!,
    description: null,
    props: {
      parameters: tree.parameters[i]!,
      contextWindow: null,
      releaseDate: day(i),
      openWeights: true,
      modalities: null,
      trainingTokens: null,
      knowledgeCutoff: null,
    },
  });
  return {
    entityCount: tree.size + tree.authors.length,
    sources: [source],
    citations: iterable(function* () {
      for (let a = 0; a < tree.authors.length; a += 1) yield citation(ids.authors[a]!, 0, a + 1);
      for (let i = 0; i < tree.size; i += 1) {
        yield citation(ids.models[i]!, 0, i + 1);
        yield citation(ids.models[i]!, 1, i + 1, { attribute: 'releaseDate', value: day(i) });
        yield citation(ids.models[i]!, 2, i + 1, { attribute: 'parameters', value: tree.parameters[i] });
      }
    }),
    entities: {
      MODEL: iterable(function* () {
        for (let i = 0; i < tree.size; i += 1) yield model(i);
      }),
      ORGANIZATION: iterable(function* () {
        for (let a = 0; a < tree.authors.length; a += 1)
          yield { id: ids.authors[a]!, name: tree.authors[a]!, aliases: [], aliasText: '', description: null, props: { country: null } };
      }),
    },
    relationships: {
      DERIVED_FROM: iterable(function* () {
        for (let i = 0; i < tree.size; i += 1) {
          const relation = relationOf(tree, i);
          if (relation === null) continue;
          for (const p of parentsOf(tree, i)) yield link(ids.models[i]!, RelationType.DERIVED_FROM, ids.models[p]!, KIND[relation], i + 1);
        }
      }),
      DEVELOPED_BY: iterable(function* () {
        for (let i = 0; i < tree.size; i += 1)
          yield link(ids.models[i]!, RelationType.DEVELOPED_BY, ids.authors[tree.authorOf[i]!]!, null, i + 1);
      }),
    },
  };
}
