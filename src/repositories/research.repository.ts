import { READ_VERSION } from '../db/data-version.js';
import { int, type DbScope } from '../db/database.js';
import { ENTITY_LABEL, EntityType, knownLabel, label, RelationType, relType } from '../domain/graph-model.js';
import type { Selection } from '../domain/selection.js';
import { InvalidInputError } from '../domain/errors.js';
import { countMeasuredUpTo, decodeRun, influenceMap, type MeasureRun, READ_RUN, readMeasureGraph } from './measures.repository.js';
import { ProjectionCompiler } from './projection.cypher.js';
import type { EntityRow } from './rows.js';
import {
  type CommunitySummary,
  type InfluenceMeasure,
  type MeasureEdge,
  type MeasureNode,
  PeriodBucket,
  type ReleaseGrouping,
} from '../domain/measures.js';

export interface PeriodCount {
  period: string;
  count: number;
  cumulative: number;
}

export interface AdoptionCurveRow {
  technique: EntityRow;
  points: PeriodCount[];
  /** Users whose release date is missing, or too coarse for the bucket (a bare year for QUARTER). */
  undated: number;
}

export interface ReleaseSeriesRow {
  key: string;
  label: string;
  total: number;
  points: PeriodCount[];
}

/** An entity's stored measures as influenceMap reads them: `fanOut` is JSON text ({kind: count}). */
export interface InfluenceRow {
  id: string;
  pageRank: number;
  lineagePageRank: number | null;
  betweenness: number;
  community: Pick<CommunitySummary, 'id' | 'label' | 'size'> | null;
  lineageDepth: number | null;
  descendants: number | null;
  fanOut: string | null;
  version: string;
  computedAt: string;
}

export interface OrganizationEdgeRow {
  from: EntityRow;
  to: EntityRow;
  fromCountry: string | null;
  toCountry: string | null;
  /** Models of `from` derived from models of `to`. */
  weight: number;
}

const MODEL = label(EntityType.MODEL);
const ORGANIZATION = label(EntityType.ORGANIZATION);
const TECHNIQUE = label(EntityType.TECHNIQUE);
const ENTITY = knownLabel(ENTITY_LABEL);
const USES = relType(RelationType.USES);
const DEVELOPED_BY = relType(RelationType.DEVELOPED_BY);
const DERIVED_FROM = relType(RelationType.DERIVED_FROM);

/** The period of an ISO date of any precision, or null when the date is too coarse for the bucket. */
const periodOf = (date: string, bucket: PeriodBucket) =>
  bucket === PeriodBucket.YEAR
    ? `left(${date}, 4)`
    : `CASE WHEN size(${date}) >= 7 THEN left(${date}, 4) + '-Q' + toString((toInteger(substring(${date}, 5, 2)) + 2) / 3) END`;

const MEASURE_PROPERTY: Record<InfluenceMeasure, string> = {
  PAGE_RANK: 'influencePageRank',
  LINEAGE_PAGE_RANK: 'influenceLineagePageRank',
  BETWEENNESS: 'influenceBetweenness',
  DESCENDANTS: 'lineageDescendants',
};

/** Whole-field questions: curves over time, organization networks, stored influence measures. */
export class ResearchRepository {
  constructor(private readonly db: DbScope) {}

  /** `asOf`: a day from asOfDay; only adopters released by then count (undated ones stay counted as left out). */
  async adoptionCurve(
    techniqueIds: string[],
    bucket: PeriodBucket,
    selection: Selection,
    asOf: string | null = null,
  ): Promise<AdoptionCurveRow[]> {
    const compiler = new ProjectionCompiler();
    const released = asOf === null ? '' : 'WHERE m.releaseDate <= $asOf';
    const rows = await this.db.read(
      `UNWIND range(0, size($ids) - 1) AS i
       MATCH (t:${TECHNIQUE} {id: $ids[i]})
       RETURN i, ${compiler.entity('t', selection)} AS technique,
         COLLECT { MATCH (m:${MODEL})-[:${USES}]->(t) ${released} WITH ${periodOf('m.releaseDate', bucket)} AS period
                   WHERE period IS NOT NULL WITH period, count(*) AS count RETURN {period: period, count: count} } AS counts,
         COUNT { MATCH (m:${MODEL})-[:${USES}]->(t) WHERE m.releaseDate IS NULL OR ${periodOf('m.releaseDate', bucket)} IS NULL } AS undated
       ORDER BY i`,
      { ids: techniqueIds, asOf },
    );
    const periods = contiguous(
      rows.flatMap((r) => (r.counts as Array<{ period: string }>).map((c) => c.period)),
      bucket,
    );
    return rows.map((r) => ({
      technique: r.technique as EntityRow,
      points: cumulate(periods, r.counts as Array<{ period: string; count: number }>),
      undated: Number(r.undated),
    }));
  }

  /** `asOf`: a day from asOfDay; only models released by then count. */
  async releasesPerPeriod(
    by: ReleaseGrouping,
    bucket: PeriodBucket,
    first: number,
    asOf: string | null = null,
  ): Promise<ReleaseSeriesRow[]> {
    const key = {
      ORGANIZATION: `MATCH (m)-[:${DEVELOPED_BY}]->(o:${ORGANIZATION}) WITH m, period, o.id AS key, o.name AS label`,
      COUNTRY: `MATCH (m)-[:${DEVELOPED_BY}]->(o:${ORGANIZATION}) WITH DISTINCT m, period, coalesce(o.country, 'unknown') AS key
                WITH m, period, key, key AS label`,
      OPEN_WEIGHTS: `WITH m, period, CASE m.openWeights WHEN true THEN 'open' WHEN false THEN 'closed' ELSE 'unknown' END AS key
                     WITH m, period, key, key AS label`,
    }[by];
    const rows = await this.db.read(
      `MATCH (m:${MODEL}) WHERE m.releaseDate IS NOT NULL AND ($asOf IS NULL OR m.releaseDate <= $asOf)
       WITH m, ${periodOf('m.releaseDate', bucket)} AS period WHERE period IS NOT NULL
       ${key}
       WITH key, label, period, count(DISTINCT m) AS count
       WITH key, label, collect({period: period, count: count}) AS counts, sum(count) AS total
       ORDER BY total DESC, key LIMIT $first
       RETURN key, label, counts, total`,
      { first: int(first), asOf },
    );
    const periods = contiguous(
      rows.flatMap((r) => (r.counts as Array<{ period: string }>).map((c) => c.period)),
      bucket,
    );
    return rows.map((r) => ({
      key: String(r.key),
      label: String(r.label ?? r.key),
      total: Number(r.total),
      points: cumulate(periods, r.counts as Array<{ period: string; count: number }>),
    }));
  }

  async organizationNetwork(first: number, selection: Selection): Promise<OrganizationEdgeRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (a:${ORGANIZATION})<-[:${DEVELOPED_BY}]-(m:${MODEL})-[:${DERIVED_FROM}]->(:${MODEL})-[:${DEVELOPED_BY}]->(b:${ORGANIZATION})
       WHERE a <> b
       WITH a, b, count(DISTINCT m) AS weight ORDER BY weight DESC, a.name, b.name LIMIT $first
       RETURN ${compiler.entity('a', selection)} AS from, ${compiler.entity('b', selection)} AS to,
              a.country AS fromCountry, b.country AS toCountry, weight`,
      { first: int(first) },
    );
    return rows.map((r) => ({
      from: r.from as EntityRow,
      to: r.to as EntityRow,
      fromCountry: (r.fromCountry as string | null) ?? null,
      toCountry: (r.toCountry as string | null) ?? null,
      weight: Number(r.weight),
    }));
  }

  async mostInfluential(
    types: EntityType[],
    measure: InfluenceMeasure,
    first: number,
    selection: Selection,
  ): Promise<Array<{ entity: EntityRow; score: number }>> {
    const compiler = new ProjectionCompiler();
    const property = MEASURE_PROPERTY[measure];
    const rows = await this.db.read(
      `MATCH (n:${ENTITY}) WHERE n.${property} IS NOT NULL AND any(label IN labels(n) WHERE label IN $labels)
       WITH n ORDER BY n.${property} DESC, n.name, n.id LIMIT $first
       RETURN ${compiler.entity('n', selection)} AS entity, n.${property} AS score`,
      { labels: types.map(label), first: int(first) },
    );
    return rows.map((r) => ({ entity: r.entity as EntityRow, score: Number(r.score) }));
  }

  /** Stored measures of the entities asked for, in that order; unknown or not yet measured ids are left out. */
  async influence(ids: string[]): Promise<InfluenceRow[]> {
    const rows = await this.db.read(
      `UNWIND range(0, size($ids) - 1) AS i
       MATCH (n:${ENTITY} {id: $ids[i]}) WHERE n.measuresVersion IS NOT NULL
       RETURN ${influenceMap('n')} AS influence ORDER BY i`,
      { ids },
    );
    return rows.map((r) => r.influence as InfluenceRow);
  }

  /** The graph's data version, as stored. */
  async dataVersion(): Promise<string> {
    const [row] = await this.db.read(READ_VERSION);
    return String(row?.version ?? 0);
  }

  /**
   * The graph as of a day (src/domain/as-of.ts), for the measures of that date; refused, before it is
   * read, when it holds more than `maxEntities`.
   */
  async graphAsOf(day: string, maxEntities: number): Promise<{ nodes: MeasureNode[]; edges: MeasureEdge[] }> {
    const entities = await countMeasuredUpTo(this.db, day, maxEntities);
    if (entities > maxEntities)
      throw new InvalidInputError(
        `The graph as of ${day} has more than ${maxEntities.toLocaleString('en')} entities, the most whose measures are computed on request; ask for an earlier date, or leave asOf out for the stored measures of the current graph.`,
        'asOf',
      );
    return readMeasureGraph(this.db, day);
  }

  async measureRun(): Promise<MeasureRun | null> {
    const [row] = await this.db.read(READ_RUN);
    return decodeRun(row?.run);
  }
}

/** Every period from the first to the last seen, so a chart's axis has no holes. */
export function contiguous(periods: string[], bucket: PeriodBucket): string[] {
  if (periods.length === 0) return [];
  const sorted = [...new Set(periods)].sort();
  const [first, last] = [sorted[0] as string, sorted.at(-1) as string];
  const out: string[] = [];
  let year = Number(first.slice(0, 4));
  let quarter = bucket === PeriodBucket.QUARTER ? Number(first.slice(-1)) : 1;
  for (;;) {
    const period = bucket === PeriodBucket.YEAR ? String(year) : `${year}-Q${quarter}`;
    out.push(period);
    if (period >= last || out.length > 2_000) return out;
    if (bucket === PeriodBucket.YEAR || quarter === 4) {
      year += 1;
      quarter = 1;
    } else quarter += 1;
  }
}

export function cumulate(periods: string[], counts: Array<{ period: string; count: number }>): PeriodCount[] {
  const byPeriod = new Map(counts.map((c) => [c.period, Number(c.count)]));
  let cumulative = 0;
  return periods.map((period) => {
    const count = byPeriod.get(period) ?? 0;
    cumulative += count;
    return { period, count, cumulative };
  });
}
