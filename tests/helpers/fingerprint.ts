import type { Database } from '../../src/db/database.js';
import { MEASURE_PROPERTIES } from '../../src/repositories/measures.repository.js';

/**
 * The graph's facts: entities and sources, not the service's bookkeeping (change history, load
 * marker, data version, measures run) nor the measures stored on entities. Every node with its labels and properties, every
 * relationship with its properties, every citation with its rank among the entity's mentions or
 * claims (ordinals are renumbered by a reload, their order is not). Sources count when a document
 * or a citation uses them: a URL source no longer cited by anything is not a fact of the graph.
 */
const withoutMeasures = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).filter(([name]) => !MEASURE_PROPERTIES.includes(name)));

export async function graphFingerprint(db: Database): Promise<Record<string, string[]>> {
  const scope = db.scope({ timeoutMs: 60_000 });
  const cited = new Set(
    (
      await scope.read(
        `MATCH ()-[:CITES]->(s:Source) RETURN DISTINCT s.id AS id
         UNION MATCH ()-[r]->() WHERE r.citationSources IS NOT NULL UNWIND r.citationSources AS id RETURN DISTINCT id`,
      )
    ).map((r) => r.id as string),
  );
  const nodes = (await scope.read('MATCH (n) WHERE n:Entity OR n:Source RETURN labels(n) AS labels, properties(n) AS props'))
    .filter(
      (r) => !(r.labels as string[]).includes('Source') || (r.props as { file?: string }).file || cited.has((r.props as { id: string }).id),
    )
    .map((r) => JSON.stringify([[...(r.labels as string[])].sort(), sortKeys(withoutMeasures(r.props as Record<string, unknown>))]));
  const relationships = (
    await scope.read("MATCH (a)-[r]->(b) WHERE type(r) <> 'CITES' RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
  ).map((r) => JSON.stringify([r.a, r.type, r.b, sortKeys(r.props)]));
  const rank = new Map<string, number>();
  const citations = (
    await scope.read(
      `MATCH (n)-[c:CITES]->(s:Source)
       RETURN n.id AS entity, s.id AS source, c.quote AS quote, c.note AS note, c.attribute AS attribute, c.value AS value,
              c.confidence AS confidence, c.rank AS rank, c.reason AS reason, c.hedged AS hedged
       ORDER BY n.id, c.ordinal`,
    )
  ).map((r) => {
    const group = `${r.entity}|${r.attribute === null ? 'mention' : 'claim'}`;
    rank.set(group, (rank.get(group) ?? -1) + 1);
    return JSON.stringify([
      group,
      rank.get(group),
      r.source,
      r.quote,
      r.note,
      r.attribute,
      r.value,
      r.confidence,
      r.rank,
      r.reason,
      r.hedged,
    ]);
  });
  return { nodes: nodes.sort(), relationships: relationships.sort(), citations: citations.sort() };
}

function sortKeys(value: unknown): unknown {
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)));
}

/** What one fingerprint has that the other lacks, per part (a few of each): a readable failure when two graphs differ. */
export function fingerprintDiff(
  actual: Record<string, string[]>,
  expected: Record<string, string[]>,
): Record<string, { extra: string[]; missing: string[] }> {
  const out: Record<string, { extra: string[]; missing: string[] }> = {};
  for (const part of Object.keys(expected)) {
    const [a, e] = [new Set(actual[part] ?? []), new Set(expected[part] ?? [])];
    const extra = [...a].filter((x) => !e.has(x)).slice(0, 8);
    const missing = [...e].filter((x) => !a.has(x)).slice(0, 8);
    if (extra.length > 0 || missing.length > 0) out[part] = { extra, missing };
  }
  return out;
}
