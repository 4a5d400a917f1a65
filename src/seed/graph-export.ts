import { ENTITY_TYPES, type GraphQLScalar, KINDS, RELATION_TYPES } from '../domain/registry.js';
import type { CitationRow, GraphRows, SourceRow } from './graph-rows.js';

/**
 * The graph as one JSON document in graphology's serialization format (`graph.import(json)` loads
 * it; nodes have `key`s, the graph is a multigraph since two entities can be joined by several
 * types). Everything the graph holds travels: every property, aliases, descriptions, claims and
 * citations with their sources, and the kind as the API writes it (MODEL).
 */
export interface ExportedCitation {
  sourceId: string;
  title: string | null;
  file: string | null;
  url: string | null;
  /** Text copied from the source; null when the citation holds only a note. */
  quote: string | null;
  /** The curator's own words, never a quote. */
  note: string | null;
  confidence: number;
}
export interface ExportedClaim extends ExportedCitation {
  attribute: string;
  value: unknown;
  rank: string;
  reason: string | null;
  /** The source hedges the value; a hedged value is never a node property. */
  hedged: boolean;
  /** Plausibility rules the value fails (src/quality); a flagged value is never a node property. */
  flags: Array<{ rule: string; reason: string }>;
}
export interface ExportedNode {
  key: string;
  attributes: Record<string, unknown> & { type: string; label: string; aliases: string[]; sources: ExportedCitation[] };
}
export interface ExportedEdge {
  key: string;
  source: string;
  target: string;
  attributes: { relation: string; kind: string | null; confidence: number; citations: ExportedCitation[] };
}
export interface ExportedGraph {
  attributes: { name: string };
  options: { type: 'directed'; multi: true; allowSelfLoops: false };
  nodes: ExportedNode[];
  edges: ExportedEdge[];
}

export type AttributeType = 'string' | 'double' | 'long' | 'boolean';
/** Node attributes as GraphML keys: the common ones, then every property of every kind in the registry. */
export function nodeAttributeTypes(): Map<string, AttributeType> {
  const out = new Map<string, AttributeType>([
    ['type', 'string'],
    ['label', 'string'],
    ['aliases', 'string'],
    ['description', 'string'],
  ]);
  for (const type of ENTITY_TYPES)
    for (const [name, property] of Object.entries(KINDS[type].properties)) out.set(name, attributeType(property.scalar));
  out.set('sources', 'string');
  out.set('claims', 'string');
  return out;
}
/** Attributes whose GraphML text is JSON (lists and citation records); the others are plain scalars. */
export function jsonEncodedKeys(): Set<string> {
  const lists = ENTITY_TYPES.flatMap((type) =>
    Object.entries(KINDS[type].properties)
      .filter(([, p]) => p.scalar === 'StringList')
      .map(([name]) => name),
  );
  return new Set(['aliases', 'sources', 'claims', 'citations', ...lists]);
}

export const EDGE_ATTRIBUTE_TYPES = new Map<string, AttributeType>([
  ['relation', 'string'],
  ['kind', 'string'],
  ['confidence', 'double'],
  ['citations', 'string'],
]);

function attributeType(scalar: GraphQLScalar): AttributeType {
  if (scalar === 'Float') return 'double';
  if (scalar === 'Int') return 'long';
  if (scalar === 'Boolean') return 'boolean';
  return 'string';
}

export function toExportedGraph(rows: GraphRows): ExportedGraph {
  const sources = new Map<string, SourceRow>(rows.sources.map((s) => [s.id, s]));
  const cite = (sourceId: string, quote: string | null, note: string | null, confidence: number): ExportedCitation => {
    const source = sources.get(sourceId);
    return { sourceId, title: source?.title ?? null, file: source?.file ?? null, url: source?.url ?? null, quote, note, confidence };
  };
  const citationsOf = new Map<string, CitationRow[]>();
  for (const row of [...rows.citations].sort((a, b) => a.ordinal - b.ordinal))
    citationsOf.set(row.entityId, [...(citationsOf.get(row.entityId) ?? []), row]);

  const nodes: ExportedNode[] = ENTITY_TYPES.flatMap((type) =>
    rows.entities[type].map((entity) => {
      const cited = citationsOf.get(entity.id) ?? [];
      const properties = Object.fromEntries(
        Object.keys(KINDS[type].properties)
          .filter((name) => entity.props[name] !== undefined && entity.props[name] !== null)
          .map((name) => [name, entity.props[name]]),
      );
      return {
        key: entity.id,
        attributes: {
          type,
          label: entity.name,
          aliases: entity.aliases,
          ...(entity.description !== null && { description: entity.description }),
          ...properties,
          sources: cited.filter((c) => c.attribute === null).map((c) => cite(c.sourceId, c.quote, c.note, c.confidence)),
          claims: cited
            .filter((c) => c.attribute !== null)
            .map((c) => ({
              attribute: c.attribute as string,
              value: JSON.parse(c.value as string) as unknown,
              ...cite(c.sourceId, c.quote, c.note, c.confidence),
              rank: c.rank ?? 'NORMAL',
              reason: c.reason,
              hedged: c.hedged === true,
              flags: c.flags ?? [],
            })),
        },
      };
    }),
  );
  const edges: ExportedEdge[] = RELATION_TYPES.flatMap((type) =>
    rows.relationships[type].map((rel) => ({
      key: rel.id,
      source: rel.from,
      target: rel.to,
      attributes: {
        relation: type,
        kind: rel.kind,
        confidence: rel.confidence,
        citations: rel.citationSources.map((sourceId, i) =>
          cite(sourceId, rel.citationQuotes[i] || null, rel.citationNotes[i] || null, rel.citationConfidences[i]!),
        ),
      },
    })),
  );
  return {
    attributes: { name: 'llm-knowledge-graph' },
    options: { type: 'directed', multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}
