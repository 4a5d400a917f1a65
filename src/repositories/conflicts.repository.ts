import { z } from 'zod';
import type { DbScope } from '../db/database.js';
import { int } from '../db/database.js';
import { CITES, ENTITY_LABEL, relType, SOURCE_LABEL, TYPE_OF_LABEL } from '../domain/graph-model.js';
import { CAPS, LIMITS, requireRange } from '../domain/limits.js';
import { disagreement } from '../domain/precision.js';
import { resultConflicts } from './result-conflicts.js';
import type { ConflictRow } from './rows.js';

const source = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), file: z.string().nullable() });
const flag = z.object({ rule: z.string(), reason: z.string() });
const row = z.object({
  entityId: z.string(),
  entityName: z.string(),
  labels: z.array(z.string()),
  attribute: z.string(),
  shown: z.unknown(),
  values: z.array(
    z.object({
      value: z.string(),
      confidence: z.number(),
      ranks: z.array(z.string()),
      hedged: z.array(z.boolean()),
      flags: z.array(flag),
      sources: z.array(source),
    }),
  ),
});

const RANK_ORDER = ['PREFERRED', 'NORMAL', 'DEPRECATED'];

/** The largest disagreement between any two of the values (JSON texts). */
function severityOf(values: string[]): number {
  const parsed = values.map((v) => JSON.parse(v) as unknown);
  let most = 0;
  for (let i = 0; i < parsed.length; i += 1)
    for (let j = i + 1; j < parsed.length; j += 1) most = Math.max(most, disagreement(parsed[i], parsed[j]));
  return most;
}

/**
 * Attributes whose claims disagree at their stated precision, the furthest apart first: ChatGPT's
 * 2020 against 2022-11, PaLM 2's 340B against 14.7B. Values that differ only in precision (2023-03 and
 * 2023-03-15, 540B and 540.35B) are no disagreement; `includePrecision` lists them too, last.
 */
export class ConflictsRepository {
  constructor(private readonly db: DbScope) {}

  async list(first: number, includePrecision = false): Promise<ConflictRow[]> {
    const rows = await this.db.read(
      `MATCH (n:${ENTITY_LABEL})-[c:${relType(CITES)}]->(s:${SOURCE_LABEL}) WHERE c.attribute IS NOT NULL
       WITH n, c.attribute AS attribute, c.value AS value, max(c.confidence) AS confidence,
            collect(coalesce(c.rank, 'NORMAL')) AS ranks, collect(coalesce(c.hedged, false)) AS hedged,
            reduce(acc = [], c2 IN collect(c) | acc + [i IN range(0, size(coalesce(c2.qualityRules, [])) - 1) |
              {rule: c2.qualityRules[i], reason: c2.qualityReasons[i]}]) AS flags,
            collect(DISTINCT s {.id, .title, .url, .file}) AS sources
       ORDER BY confidence DESC, value
       WITH n, attribute, collect({value: value, confidence: confidence, ranks: ranks, hedged: hedged, flags: flags, sources: sources}) AS values
       WHERE size(values) > 1
       RETURN n.id AS entityId, n.name AS entityName, labels(n) AS labels, attribute, n[attribute] AS shown, values
       ORDER BY entityId, attribute LIMIT $cap`,
      { cap: int(CAPS.conflictGroups) },
    );
    const limit = requireRange('first', first, LIMITS.first);
    const results = await resultConflicts(this.db);
    return [...rows.map((raw) => this.toConflict(row.parse(raw))), ...results]
      .filter((c) => includePrecision || c.severity > 0)
      .sort((a, b) => b.severity - a.severity || a.entityId.localeCompare(b.entityId) || a.attribute.localeCompare(b.attribute))
      .slice(0, limit);
  }

  private toConflict(r: z.infer<typeof row>): ConflictRow {
    const shown = JSON.stringify(r.shown ?? null);
    return {
      entityId: r.entityId,
      entityName: r.entityName,
      entityType: TYPE_OF_LABEL[r.labels.find((l) => l in TYPE_OF_LABEL) ?? ''] ?? 'UNKNOWN',
      attribute: r.attribute,
      severity: severityOf(r.values.map((v) => v.value)),
      values: r.values.map((v) => ({
        value: v.value,
        confidence: v.confidence,
        preferred: v.value === shown,
        rank: RANK_ORDER.find((rank) => v.ranks.includes(rank)) ?? 'NORMAL',
        hedged: v.hedged.every(Boolean),
        flags: v.flags.filter((f, i) => v.flags.findIndex((g) => g.rule === f.rule) === i),
        sources: v.sources,
        resultKeys: [],
      })),
    };
  }
}
