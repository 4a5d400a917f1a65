import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ClaimRank, claimableOf, ENTITY_TYPES, type EntityType, plainPropertiesOf, RELATION_TYPES } from '../domain/registry.js';
import type { Dataset } from './dataset.js';
import { type CitationRow, type GraphRows, urlSourceId } from './graph-rows.js';
import { ENTITY_FILES, type EntityEntry, relationshipFile, type Citation } from './seed.schema.js';

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
const withConfidence = <T extends object>(citation: T, confidence: number | undefined): T =>
  confidence === undefined || confidence === 1 ? citation : { ...citation, confidence };

/** Key order per entry is fixed, so files written from the graph match the committed ones byte for byte. */
function canonicalCitation(citation: Citation): Citation {
  const where = 'source' in citation ? { source: citation.source } : { url: citation.url };
  const text = {
    ...(citation.quote !== undefined && { quote: citation.quote }),
    ...(citation.note !== undefined && { note: citation.note }),
    ...('locator' in citation && citation.locator !== undefined && { locator: citation.locator }),
  };
  return withConfidence({ ...where, ...text } as Citation, citation.confidence);
}

function canonicalEntity(type: EntityType, entity: EntityEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: entity.id, name: entity.name, aliases: entity.aliases };
  if (entity.description !== undefined) out.description = entity.description;
  for (const name of plainPropertiesOf(type)) if (entity[name] !== undefined && entity[name] !== null) out[name] = entity[name];
  out.mentions = entity.mentions.map(canonicalCitation);
  if (claimableOf(type).length > 0) {
    out.claims = (entity.claims ?? []).map((claim) => {
      const { confidence, ...cited } = canonicalCitation(claim) as Citation & { confidence?: number };
      return {
        attribute: claim.attribute,
        value: claim.value,
        ...cited,
        ...(claim.rank && { rank: claim.rank }),
        ...(claim.reason && { reason: claim.reason }),
        ...(claim.hedged && { hedged: true }),
        ...(confidence !== undefined && { confidence }),
      };
    });
  }
  return out;
}

/** The seed folder's files as text, keyed by path inside the folder; empty relationship files are left out. */
export function formatDataset(dataset: Dataset): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'sources.json',
    json(
      byId(dataset.sources).map((s) => ({
        id: s.id,
        ...(s.file && { file: s.file }),
        ...(s.url && { url: s.url }),
        title: s.title,
        ...(s.author && { author: s.author }),
        ...(s.date && { date: s.date }),
        ...(s.license && { license: s.license }),
        ...(s.version && { version: s.version }),
        ...(s.retrieved && { retrieved: s.retrieved }),
      })),
    ),
  );
  for (const type of ENTITY_TYPES) {
    files.set(ENTITY_FILES[type].file, json(byId(dataset.entities[type]).map((e) => canonicalEntity(type, e))));
  }
  for (const type of RELATION_TYPES) {
    const rels = [...dataset.relationships[type]].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
    if (rels.length === 0) continue;
    files.set(
      relationshipFile(type),
      json(rels.map((r) => ({ from: r.from, to: r.to, ...(r.kind && { kind: r.kind }), citations: r.citations.map(canonicalCitation) }))),
    );
  }
  return files;
}

export function writeDatasetFiles(files: Map<string, string>, dir: string): void {
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
}

/** The inverse of toGraphRows: the dataset a graph holds. */
export function rowsToDataset(rows: GraphRows): Dataset {
  // A URL cited on its own is its own Source (urlSourceId); a catalogue snapshot is a source of sources.json.
  const urlOf = new Map(rows.sources.filter((s) => s.url !== null && s.id === urlSourceId(s.url)).map((s) => [s.id, s.url as string]));
  const citation = (sourceId: string, quote: string | null, note: string | null, confidence: number, locator?: string | null): Citation => {
    const url = urlOf.get(sourceId);
    const where = url === undefined ? { source: sourceId, ...(locator && { locator }) } : { url };
    return canonicalCitation(withConfidence({ ...where, quote: quote ?? undefined, note: note ?? undefined } as Citation, confidence));
  };
  const citationsOf = new Map<string, CitationRow[]>();
  for (const row of rows.citations) citationsOf.set(row.entityId, [...(citationsOf.get(row.entityId) ?? []), row]);
  const entry = (type: EntityType, row: GraphRows['entities'][EntityType][number]): EntityEntry => {
    const cited = citationsOf.get(row.id) ?? [];
    const out: EntityEntry = { id: row.id, name: row.name, aliases: row.aliases, mentions: [] };
    if (row.description !== null) out.description = row.description;
    for (const name of plainPropertiesOf(type)) if (row.props[name] !== undefined && row.props[name] !== null) out[name] = row.props[name];
    out.mentions = cited.filter((c) => c.attribute === null).map((c) => citation(c.sourceId, c.quote, c.note, c.confidence, c.locator));
    if (claimableOf(type).length > 0)
      out.claims = cited
        .filter((c) => c.attribute !== null)
        .map((c) => ({
          attribute: c.attribute as string,
          value: JSON.parse(c.value as string) as unknown,
          ...citation(c.sourceId, c.quote, c.note, c.confidence, c.locator),
          ...(c.rank !== null && { rank: c.rank as ClaimRank }),
          ...(c.reason !== null && { reason: c.reason }),
          ...(c.hedged === true && { hedged: true as const }),
        }));
    return out;
  };
  return {
    sources: rows.sources
      .filter((s) => s.file !== null || urlOf.get(s.id) === undefined)
      .map((s) => ({
        id: s.id,
        ...(s.file !== null ? { file: s.file } : { url: s.url as string }),
        title: s.title ?? s.id,
        ...(s.author !== null && { author: s.author }),
        ...(s.date !== null && { date: s.date }),
        ...(s.license && { license: s.license }),
        ...(s.version && { version: s.version }),
        ...(s.retrieved && { retrieved: s.retrieved }),
      })),
    entities: Object.fromEntries(
      ENTITY_TYPES.map((type) => [type, rows.entities[type].map((row) => entry(type, row))]),
    ) as Dataset['entities'],
    relationships: Object.fromEntries(
      RELATION_TYPES.map((type) => [
        type,
        rows.relationships[type].map((r) => ({
          from: r.from,
          to: r.to,
          ...(r.kind !== null && { kind: r.kind as never }),
          citations: r.citationSources.map((sourceId, i) =>
            citation(sourceId, r.citationQuotes[i] || null, r.citationNotes[i] || null, r.citationConfidences[i] as number),
          ),
        })),
      ]),
    ) as Dataset['relationships'],
  };
}
