/**
 * What --apply writes: the plan as rows of the shared write model (SeedRepository.write), so a
 * catalogue fact is stored exactly like a document's: the entity cites the snapshot's Source (its
 * row key as locator, the catalogue's own words as the quote where it has them, else the row key),
 * claims carry a lower confidence than a document's, so a value a document states stays preferred.
 */
import { EntityType, KINDS, RelationType } from '../domain/registry.js';
import { claimedValues } from '../domain/write-rules.js';
import { edgeId, type GraphRows, type RelationshipRow } from '../seed/graph-rows.js';
import type { CatalogueSource } from './catalogues.js';
import type { ImportPlan } from './plan.js';
import { WITHDRAWN_STATUS, withdrawnNote } from './refresh.js';
import { resultRows } from './results/apply-results.js';

/** A catalogue's confidence in its values: below a document's 1, so documents win (preferredValue). */
export const CATALOGUE_CONFIDENCE = 0.5;
/** A link a rule infers from a catalogue's names (a family from a model's name): lower than what the catalogue states. */
export const INFERRED_CONFIDENCE = 0.3;

export interface NotWritten {
  rowKey: string;
  what: string;
  reason: string;
}

/** A row the graph holds from an older snapshot that this one lacks. */
export interface Withdrawal {
  id: string;
  kind: EntityType;
  rowKey: string;
}

export interface ApplyRows {
  rows: GraphRows;
  /** Names added to matched entities' aliases. */
  aliases: ImportPlan['aliases'];
  /** Planned facts the graph refuses (a value outside its rule). */
  notWritten: NotWritten[];
}

const emptyRows = (): GraphRows => ({
  sources: [],
  entities: Object.fromEntries(Object.values(EntityType).map((t) => [t, []])) as unknown as GraphRows['entities'],
  citations: [],
  relationships: Object.fromEntries(Object.values(RelationType).map((t) => [t, []])) as unknown as GraphRows['relationships'],
});

/**
 * `existingKinds` holds the kind of every planned DERIVED_FROM the graph already has (by edge id):
 * a catalogue never retypes a link a document typed, it only adds its citation.
 */
export function applyRows(
  plan: ImportPlan,
  source: CatalogueSource,
  existingKinds: Map<string, string | null>,
  withdrawals: Withdrawal[] = [],
): ApplyRows {
  const rows = emptyRows();
  const notWritten: NotWritten[] = [];
  rows.sources.push({
    id: source.id,
    title: source.title,
    file: null,
    url: source.url,
    author: source.author,
    // The date of the data (the snapshot's), apart from the day it was copied (`retrieved`).
    date: source.snapshot ?? source.retrieved,
    license: source.license,
    version: source.version,
    retrieved: source.retrieved,
  });

  const ordinals = new Map<string, number>();
  const CATALOGUE_NOTE = 'Catalogue entry';
  const cite = (entityId: string, rowKey: string, quote: string, attribute: string | null = null, value: unknown = null, note?: string) => {
    const ordinal = ordinals.get(entityId) ?? 0;
    ordinals.set(entityId, ordinal + 1);
    rows.citations.push({
      entityId,
      sourceId: source.id,
      ordinal,
      // The catalogue's own words are a quote; where it has none, the row key locates the fact.
      quote: quote === rowKey ? null : quote,
      note: note ?? (quote === rowKey ? `${CATALOGUE_NOTE} ${rowKey}` : null),
      confidence: CATALOGUE_CONFIDENCE,
      attribute,
      value: attribute === null ? null : JSON.stringify(value),
      locator: rowKey,
      rank: null,
      reason: null,
      hedged: null,
    });
  };

  for (const entity of plan.toCreate) cite(entity.id, entity.rowKey, entity.rowKey);
  // A row gone from this snapshot: a withdrawal citation, and a WITHDRAWN status where the kind has one.
  for (const gone of withdrawals) {
    const note = withdrawnNote(gone.rowKey, source.snapshot ?? source.retrieved);
    const status = KINDS[gone.kind].properties[WITHDRAWN_STATUS.attribute];
    if (status?.claimable && status.value.safeParse(WITHDRAWN_STATUS.value).success)
      cite(gone.id, gone.rowKey, gone.rowKey, WITHDRAWN_STATUS.attribute, WITHDRAWN_STATUS.value, note);
    else cite(gone.id, gone.rowKey, gone.rowKey, null, null, note);
  }
  for (const match of [...plan.matched, ...plan.mentioned]) cite(match.id, match.rowKey, match.rowKey);

  const claimsOf = new Map<string, Array<{ attribute: string; value: unknown; confidence: number }>>();
  for (const claim of plan.claims) {
    const spec = KINDS[claim.kind].properties[claim.attribute];
    const rule = spec?.claimable ? spec.value : undefined;
    if (!rule?.safeParse(claim.value).success) {
      notWritten.push({
        rowKey: claim.rowKey,
        what: `${claim.attribute} ${claim.value}`,
        reason: 'outside the graph’s rule for the value',
      });
      continue;
    }
    cite(claim.entityId, claim.rowKey, claim.quote ?? claim.rowKey, claim.attribute, claim.value);
    claimsOf.set(claim.entityId, [
      ...(claimsOf.get(claim.entityId) ?? []),
      { attribute: claim.attribute, value: claim.value, confidence: CATALOGUE_CONFIDENCE },
    ]);
  }

  for (const entity of plan.toCreate) {
    const type = entity.kind;
    const mine = claimsOf.get(entity.id) ?? [];
    const props: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(KINDS[type].properties)) {
      const value = entity.props?.[name] ?? null;
      const fits = value === null || spec.value.safeParse(value).success;
      if (!fits) notWritten.push({ rowKey: entity.rowKey, what: `${name} ${value}`, reason: 'outside the graph’s rule for the value' });
      props[name] = fits ? value : null;
    }
    Object.assign(props, claimedValues(type, mine));
    const aliases = [...new Set(entity.aliases)].filter((a) => a !== entity.name);
    rows.entities[type].push({ id: entity.id, name: entity.name, aliases, aliasText: aliases.join(' | '), description: null, props });
  }

  for (const rel of plan.relationships) {
    const type = rel.type;
    const id = edgeId(rel.from, type, rel.to);
    const confidence = rel.confidence ?? (rel.inferred ? INFERRED_CONFIDENCE : CATALOGUE_CONFIDENCE);
    const row: RelationshipRow = {
      id,
      from: rel.from,
      to: rel.to,
      kind: existingKinds.has(id) ? (existingKinds.get(id) ?? null) : (rel.kind ?? null),
      citationSources: [source.id],
      citationQuotes: [rel.quote ?? ''],
      citationNotes: [`${rel.inferred ? 'Inferred, not stated:' : CATALOGUE_NOTE} ${rel.rowKey}: ${rel.basis}`],
      citationConfidences: [confidence],
      confidence,
    };
    rows.relationships[type].push(row);
  }
  rows.relationships[RelationType.SCORED_ON].push(...resultRows(plan.results, source));
  return { rows, notWritten, aliases: plan.aliases };
}
