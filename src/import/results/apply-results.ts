/** The planned results as rows of the shared write model: SCORED_ON statements, each cited by its row and field. */
import { RelationType } from '../../domain/registry.js';
import { edgeId, type RelationshipRow } from '../../seed/graph-rows.js';
import type { CatalogueSource } from '../catalogues.js';
import type { PlannedResult } from '../plan-types.js';

/** Below a document's 1, as every catalogue fact (apply.ts's CATALOGUE_CONFIDENCE). */
const RESULT_CONFIDENCE = 0.5;

export function resultRows(results: PlannedResult[], source: CatalogueSource): RelationshipRow[] {
  return results.map((r) => ({
    id: edgeId(r.from, RelationType.SCORED_ON, r.to, r.key),
    from: r.from,
    to: r.to,
    kind: null,
    key: r.key,
    props: r.props,
    citationSources: [source.id],
    // The score as the catalogue writes it; the note locates it (the locator reads "Catalogue entry <row>: <field>").
    citationQuotes: [r.quote],
    citationNotes: [`Catalogue entry ${r.rowKey}: ${r.field}${r.basis ? `; ${r.basis}` : ''}`],
    citationConfidences: [RESULT_CONFIDENCE],
    confidence: RESULT_CONFIDENCE,
  }));
}
