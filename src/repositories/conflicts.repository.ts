import { z } from 'zod';
import type { DbScope } from '../db/database.js';
import { int } from '../db/database.js';
import { CITES, ENTITY_LABEL, relType, SOURCE_LABEL, TYPE_OF_LABEL } from '../domain/graph-model.js';
import { LIMITS, requireRange } from '../domain/limits.js';

/** One value of a contested attribute, with the sources that claim it; `preferred` is the value the node shows. */
export interface ConflictValue {
  value: string;
  confidence: number;
  preferred: boolean;
  sources: Array<{ id: string; title: string | null; url: string | null; file: string | null }>;
}
export interface ConflictRow {
  entityId: string;
  entityName: string;
  entityType: string;
  attribute: string;
  values: ConflictValue[];
}

const source = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), file: z.string().nullable() });
const row = z.object({
  entityId: z.string(),
  entityName: z.string(),
  labels: z.array(z.string()),
  attribute: z.string(),
  shown: z.unknown(),
  values: z.array(z.object({ value: z.string(), confidence: z.number(), sources: z.array(source) })),
});

/**
 * Attributes whose claims disagree (two or more distinct values), e.g. a release month a document
 * states and the day a catalogue gives: the values side by side with their sources, strongest first.
 */
export class ConflictsRepository {
  constructor(private readonly db: DbScope) {}

  async list(first: number): Promise<ConflictRow[]> {
    const rows = await this.db.read(
      `MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s:${SOURCE_LABEL}) WHERE c.attribute IS NOT NULL
       WITH n, c.attribute AS attribute, c.value AS value, max(c.confidence) AS confidence,
            collect(DISTINCT s {.id, .title, .url, .file}) AS sources
       ORDER BY confidence DESC, value
       WITH n, attribute, collect({value: value, confidence: confidence, sources: sources}) AS values
       WHERE size(values) > 1
       RETURN n.id AS entityId, n.name AS entityName, labels(n) AS labels, attribute, n[attribute] AS shown, values
       ORDER BY entityId, attribute LIMIT $first`,
      { first: int(requireRange('first', first, LIMITS.first)) },
    );
    return rows.map((raw) => {
      const r = row.parse(raw);
      const shown = JSON.stringify(r.shown ?? null);
      return {
        entityId: r.entityId,
        entityName: r.entityName,
        entityType: TYPE_OF_LABEL[r.labels.find((l) => l in TYPE_OF_LABEL) ?? ''] ?? 'UNKNOWN',
        attribute: r.attribute,
        values: r.values.map((v) => ({ ...v, preferred: v.value === shown })),
      };
    });
  }
}
