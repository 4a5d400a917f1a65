/**
 * Results of one model on one benchmark that disagree beyond their setting's noise (domain/result-noise.ts),
 * as `conflicts` rows: the model is the entity, "score on <benchmark>" the attribute, each disagreeing value
 * with the sources stating it and the keys of its results; the preferred value is the best-ranked result's.
 */
import { z } from 'zod';
import type { DbScope } from '../db/database.js';
import { int } from '../db/database.js';
import { EntityType, label, RelationType, relType, SOURCE_LABEL } from '../domain/graph-model.js';
import { CAPS } from '../domain/limits.js';
import { disagreement } from '../domain/precision.js';
import type { BenchmarkScale } from '../domain/registry.js';
import { disagree } from '../domain/result-noise.js';
import { RESULT_ORDER } from './results.cypher.js';
import type { ConflictRow } from './rows.js';

const source = z.object({ id: z.string(), title: z.string().nullable(), url: z.string().nullable(), file: z.string().nullable() });
const group = z.object({
  modelId: z.string(),
  modelName: z.string(),
  benchmark: z.string(),
  scale: z.string().nullable(),
  results: z.array(
    z.object({
      key: z.string(),
      value: z.number(),
      shots: z.number().nullable(),
      benchmarkVersion: z.string().nullable(),
      stderr: z.number().nullable(),
      sources: z.array(source),
    }),
  ),
});
type Result = z.infer<typeof group>['results'][number];

export async function resultConflicts(db: DbScope): Promise<ConflictRow[]> {
  const rows = await db.read(
    `MATCH (m:${label(EntityType.MODEL)})-[r:${relType(RelationType.SCORED_ON)}]->(b:${label(EntityType.BENCHMARK)})
     WITH m, b, r ORDER BY ${RESULT_ORDER('r')}
     WITH m, b, collect(r {.key, .value, .shots, .benchmarkVersion, .stderr,
       sources: COLLECT { UNWIND r.citationSources AS id MATCH (s:${SOURCE_LABEL} {id: id}) RETURN DISTINCT s {.id, .title, .url, .file} }}) AS results
     WHERE size(results) > 1
     RETURN m.id AS modelId, m.name AS modelName, b.name AS benchmark, b.scale AS scale, results
     ORDER BY modelId, benchmark LIMIT $cap`,
    { cap: int(CAPS.conflictGroups) },
  );
  return rows.flatMap((raw) => {
    const g = group.parse(raw);
    const scale = g.scale as BenchmarkScale | null;
    const disputed = g.results.filter((a) => g.results.some((b) => a !== b && disagree(a, b, scale)));
    const preferred = g.results[0]!;
    // The preferred value is listed too, even where only others disagree: it is what the model shows.
    const listed = disputed.includes(preferred) ? disputed : [preferred, ...disputed];
    return disputed.length === 0 ? [] : [toConflict(g.modelId, g.modelName, g.benchmark, listed, preferred)];
  });
}

function toConflict(modelId: string, modelName: string, benchmark: string, results: Result[], preferred: Result): ConflictRow {
  const byValue = new Map<number, Result[]>();
  for (const r of results) byValue.set(r.value, [...(byValue.get(r.value) ?? []), r]);
  const values = [...byValue.keys()];
  let severity = 0;
  for (const a of values) for (const b of values) severity = Math.max(severity, disagreement(a, b));
  return {
    entityId: modelId,
    entityName: modelName,
    entityType: EntityType.MODEL,
    attribute: `score on ${benchmark}`,
    severity,
    values: [...byValue].map(([value, held]) => ({
      value: JSON.stringify(value),
      confidence: 0.5,
      preferred: held.includes(preferred),
      rank: held.includes(preferred) ? 'PREFERRED' : 'NORMAL',
      hedged: false,
      flags: [],
      sources: [...new Map(held.flatMap((r) => r.sources).map((s) => [s.id, s])).values()],
      resultKeys: held.map((r) => r.key),
    })),
  };
}
