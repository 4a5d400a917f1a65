import { type DatabaseScopes, type DbScope, int } from '../db/database.js';
import { chunks } from '../domain/chunks.js';
import { VERSION_LABEL } from '../db/data-version.js';
import { andExistsAt } from './as-of.cypher.js';
import { ENTITY_LABEL, knownLabel, LABEL_OF, MEASURE_RUN_LABEL, relType, TYPE_OF_LABEL } from '../domain/graph-model.js';
import { STRUCTURAL_KINDS, STRUCTURAL_RELATIONS } from '../domain/registry.js';
import type { LineageDistribution, MeasureEdge, MeasureNode, Measures, NodeMeasures } from '../domain/measures.js';

const ENTITY = knownLabel(ENTITY_LABEL);
const RUN = knownLabel(MEASURE_RUN_LABEL);
// Benchmark results are measurements, not structure: a benchmark scored by 200 models is no hub of influence.
const DOMAIN_RELATIONSHIPS = STRUCTURAL_RELATIONS.map(relType).join('|');
// Kinds no structural relationship joins (benchmarks) would be isolated nodes: they are not measured.
const ENTITY_LABELS = STRUCTURAL_KINDS.map((kind) => LABEL_OF[kind]);
/** Nodes per write transaction of the measures: bounded transaction state however large the graph. */
const WRITE_BATCH = 5_000;
const SUMMARY = `run.version = $version, run.computedAt = $computedAt, run.communities = $communities, run.lineage = $lineage,
  run.betweennessExact = $exact, run.betweennessSources = $sources, run.modularity = $modularity, run.layout = $layout`;
/**
 * Last statement of each write of the measures before the version's bump: takes the data-version
 * node's lock (held to the commit) and reads the version, so a write by anyone else between two of
 * ours cannot go unnoticed.
 */
const LOCK_VERSION = `OPTIONAL MATCH (v:${VERSION_LABEL} {id: 'graph'}) SET v.lock = true REMOVE v.lock RETURN v.value AS version`;
const STAMP_RUN = `MATCH (run:${RUN} {id: 'latest'}) SET run.graphVersion = CASE WHEN $stale THEN $computedFrom ELSE $version END`;
/** The summary node of one run, kept while nodes may still carry its measures. */
export const runIdOf = (version: string): string => `run:${version}`;

/** Entity properties the measures write (derived data: exports and fingerprints leave them out). */
export const MEASURE_PROPERTIES = [
  'influencePageRank',
  'influenceLineagePageRank',
  'influenceBetweenness',
  'influenceCommunity',
  'influenceCommunityLabel',
  'influenceCommunitySize',
  'lineageDepth',
  'lineageDescendants',
  'lineageFanOut',
  'measuresVersion',
  'measuresComputedAt',
];

/**
 * How the measures are stored; a run written in an older layout is recomputed at start. 2: each node
 * carries its community's label and size and the run's time, so `influence` reads the node alone.
 */
export const MEASURES_LAYOUT = 2;

/** The `Influence` of node `v` as a Cypher map (fanOut is JSON text), or null while it has not been measured. */
export const influenceMap = (v: string): string =>
  `CASE WHEN ${v}.measuresVersion IS NULL THEN null ELSE {id: ${v}.id, pageRank: ${v}.influencePageRank,
     lineagePageRank: ${v}.influenceLineagePageRank, betweenness: ${v}.influenceBetweenness,
     community: CASE WHEN ${v}.influenceCommunityLabel IS NULL THEN null
       ELSE {id: ${v}.influenceCommunity, label: ${v}.influenceCommunityLabel, size: ${v}.influenceCommunitySize} END,
     lineageDepth: ${v}.lineageDepth, descendants: ${v}.lineageDescendants, fanOut: ${v}.lineageFanOut,
     version: ${v}.measuresVersion, computedAt: coalesce(${v}.measuresComputedAt, '')} END`;

export interface MeasureRun {
  /** The data version the measures were computed from. */
  version: string;
  /**
   * The data version at which they describe the graph: the one their own last write moved it to, or,
   * when someone else wrote while they were computed, the version they were computed from. A client
   * compares it with a response's x-graph-version: equal means current. Null until written.
   */
  graphVersion: string | null;
  computedAt: string;
  communities: Measures['communities'];
  lineage: LineageDistribution;
  betweennessExact: boolean;
  betweennessSources: number;
  modularity: number;
  /** MEASURES_LAYOUT of the run (1 for runs written before layouts were numbered). */
  layout?: number;
}

/**
 * Reads the whole graph for the in-service algorithms and writes their results back. Runs outside
 * requests, with its own generous deadline: at 100,000 models the graph is a million rows.
 */
export class MeasuresRepository {
  constructor(
    private readonly database: DatabaseScopes,
    /** The whole graph's read: at 100,000 models a million rows. */
    private readonly timeoutMs = 600_000,
    /** Each write transaction's own deadline. */
    private readonly batchTimeoutMs = 60_000,
  ) {}

  async readGraph(): Promise<{ nodes: MeasureNode[]; edges: MeasureEdge[] }> {
    const scope = this.database.scope({ timeoutMs: this.timeoutMs, metadata: { app: 'measures' }, background: true });
    return readMeasureGraph(scope, null);
  }

  /**
   * Writes in bounded steps, each its own transaction with its own deadline: first this run's summary
   * under its version (`run:<version>`), then the nodes' measures WRITE_BATCH at a time, each node
   * labelled with the version, and last the `latest` summary. A read meanwhile never waits on these
   * writes (Neo4j reads take no locks); it sees every node with the measures of the run named on it,
   * whose summary (communities, computedAt) stays readable until the run after next.
   * Returns the data version the graph is at once the measures are written (the writes advance it
   * too), and whether anyone else changed the graph after `run.version` while the run was going (then
   * the measures are already out of date, and the graph's version no longer says so).
   */
  async write(
    run: Omit<MeasureRun, 'graphVersion'>,
    measures: Measures,
  ): Promise<{ version: number | undefined; changedMeanwhile: boolean }> {
    const communities = new Map(measures.communities.map((c) => [c.id, c]));
    // Rows are made a batch at a time: two million at once held the event loop for seconds.
    const row = ([id, m]: [string, NodeMeasures]) => ({
      id,
      pageRank: m.pageRank,
      communityLabel: communities.get(m.community)?.label ?? null,
      communitySize: communities.get(m.community)?.size ?? null,
      lineagePageRank: m.lineagePageRank,
      betweenness: m.betweenness,
      community: m.community,
      lineageDepth: m.lineageDepth,
      descendants: m.descendants,
      fanOut: JSON.stringify(m.fanOut),
    });
    let expected = Number(run.version);
    let changedMeanwhile = false;
    /** One write transaction of ours: checks the version it starts from, then notes the one it leaves. */
    const write = async (cypher: string, params: Record<string, unknown>, last = false) => {
      const scope = this.database.scope({ timeoutMs: this.batchTimeoutMs, metadata: { app: 'measures' }, background: true });
      await scope.write(async (tx) => {
        await tx.run(cypher, params);
        // Last, so the lock is held only from here to the commit (the version's bump), as by any write.
        const [row] = await tx.run(LOCK_VERSION);
        if (row?.version != null && Number(row.version) !== expected) changedMeanwhile = true;
        // The measures describe the graph as of the version this last write moves it to, unless someone
        // else changed it meanwhile: then only as of the version they were computed from.
        if (last) tx.stampVersion(STAMP_RUN, { stale: changedMeanwhile, computedFrom: run.version });
      });
      if (scope.writtenVersion !== undefined) expected = scope.writtenVersion;
      return scope.writtenVersion;
    };
    const summary = {
      version: run.version,
      computedAt: run.computedAt,
      communities: JSON.stringify(run.communities),
      lineage: JSON.stringify(run.lineage),
      exact: run.betweennessExact,
      sources: run.betweennessSources,
      modularity: run.modularity,
      layout: MEASURES_LAYOUT,
    };
    await write(`MERGE (run:${RUN} {id: $runId}) SET ${SUMMARY}`, { ...summary, runId: runIdOf(run.version) });
    for (const batch of chunks(measures.nodes.entries(), WRITE_BATCH)) {
      await write(
        `UNWIND $rows AS row MATCH (n:${ENTITY} {id: row.id})
           SET n.influencePageRank = row.pageRank, n.influenceLineagePageRank = row.lineagePageRank,
               n.influenceBetweenness = row.betweenness, n.influenceCommunity = row.community,
               n.influenceCommunityLabel = row.communityLabel, n.influenceCommunitySize = row.communitySize,
               n.lineageDepth = row.lineageDepth, n.lineageDescendants = row.descendants, n.lineageFanOut = row.fanOut,
               n.measuresVersion = $version, n.measuresComputedAt = $computedAt`,
        { rows: batch.map(row), version: run.version, computedAt: run.computedAt },
      );
    }
    const version = await write(
      `MERGE (run:${RUN} {id: 'latest'})
         WITH run, run.version AS previous
         SET ${SUMMARY}
         WITH previous
         MATCH (old:${RUN}) WHERE old.id STARTS WITH 'run:' AND NOT old.version IN [$version, coalesce(previous, $version)]
         DETACH DELETE old`,
      summary,
      true,
    );
    return { version, changedMeanwhile };
  }

  async latestRun(): Promise<MeasureRun | null> {
    const rows = await this.database.scope({ timeoutMs: 5_000, background: true }).read(READ_RUN);
    return decodeRun(rows[0]?.run);
  }
}

/** The entities the measures are computed over, as `n`: as of a day, only those that existed then. */
const MEASURED = (asOf: string | null) => `(n:${ENTITY}) WHERE any(l IN labels(n) WHERE l IN $labels)${andExistsAt('n', asOf)}`;

/**
 * How many entities the measures as of `asOf` would be computed over, counted up to `atMost` + 1 only:
 * enough to refuse a graph too large without counting two million.
 */
export async function countMeasuredUpTo(scope: DbScope, asOf: string | null, atMost: number): Promise<number> {
  const [row] = await scope.read(`MATCH ${MEASURED(asOf)} WITH n LIMIT $limit RETURN count(n) AS entities`, {
    labels: ENTITY_LABELS,
    asOf,
    limit: int(atMost + 1),
  });
  return Number(row?.entities ?? 0);
}

/**
 * The graph the measures are computed over: every entity and every domain relationship; as of a day
 * (src/domain/as-of.ts), only the entities that existed then and the relationships between them.
 */
export async function readMeasureGraph(scope: DbScope, asOf: string | null): Promise<{ nodes: MeasureNode[]; edges: MeasureEdge[] }> {
  // Streamed, each row kept as it comes: at two million models, gathering the rows first and converting
  // them after held the event loop for seconds and the memory of both at once.
  const nodes: MeasureNode[] = [];
  const present = new Set<string>();
  await scope.each(
    `MATCH ${MEASURED(asOf)}
     RETURN n.id AS id, [l IN labels(n) WHERE l IN $labels][0] AS label, n.name AS name`,
    { labels: ENTITY_LABELS, asOf },
    (r) => {
      nodes.push({ id: String(r.id), type: TYPE_OF_LABEL[String(r.label)] ?? String(r.label), name: String(r.name ?? r.id) });
      present.add(String(r.id));
    },
  );
  const edges: MeasureEdge[] = [];
  await scope.each(
    // As of a day, only relationships between entities of then leave Neo4j: not the whole store's.
    `MATCH (a:${ENTITY})-[r:${DOMAIN_RELATIONSHIPS}]->(b:${ENTITY}) WHERE true${andExistsAt('a', asOf)}${andExistsAt('b', asOf)}
     RETURN a.id AS from, b.id AS to, type(r) AS type, r.kind AS kind`,
    { asOf },
    (r) => {
      const edge = { from: String(r.from), to: String(r.to), type: String(r.type), kind: r.kind == null ? null : String(r.kind) };
      if (present.has(edge.from) && present.has(edge.to)) edges.push(edge);
    },
  );
  return { nodes, edges };
}

/** The statement that reads the latest run, and its decoder: shared with the request-time reads. */
export const READ_RUN = `MATCH (run:${RUN} {id: 'latest'}) RETURN run {.*} AS run`;

export function decodeRun(value: unknown): MeasureRun | null {
  const run = value as Record<string, unknown> | undefined;
  if (run === undefined || run === null) return null;
  return {
    version: String(run.version),
    graphVersion: run.graphVersion === undefined || run.graphVersion === null ? null : String(run.graphVersion),
    computedAt: String(run.computedAt),
    communities: JSON.parse(String(run.communities)),
    lineage: JSON.parse(String(run.lineage)),
    betweennessExact: Boolean(run.betweennessExact),
    betweennessSources: Number(run.betweennessSources),
    modularity: Number(run.modularity),
    layout: Number(run.layout ?? 1),
  };
}
