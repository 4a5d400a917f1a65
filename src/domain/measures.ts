/**
 * What the graph measures are (analytics/ computes them, repositories/ stores and reads them):
 * declared below both, so the Cypher never imports the computation.
 */

/** How a research query ranks entities; each names a stored measure. */
export enum InfluenceMeasure {
  PAGE_RANK = 'PAGE_RANK',
  LINEAGE_PAGE_RANK = 'LINEAGE_PAGE_RANK',
  BETWEENNESS = 'BETWEENNESS',
  DESCENDANTS = 'DESCENDANTS',
}

/** Calendar periods of a curve. */
export enum PeriodBucket {
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
}

/** How releases are split into series. */
export enum ReleaseGrouping {
  ORGANIZATION = 'ORGANIZATION',
  COUNTRY = 'COUNTRY',
  OPEN_WEIGHTS = 'OPEN_WEIGHTS',
}

export interface MeasureNode {
  id: string;
  type: string;
  name: string;
}

/** A domain relationship as stored, from → to; `kind` is set on lineage edges. */
export interface MeasureEdge {
  from: string;
  to: string;
  type: string;
  kind?: string | null;
}

export interface NodeMeasures {
  pageRank: number;
  lineagePageRank: number | null;
  betweenness: number;
  community: number;
  lineageDepth: number | null;
  lineageHeight: number | null;
  descendants: number | null;
  fanOut: Record<string, number>;
}

export interface CommunitySummary {
  id: number;
  /** Names of the community's most central members, most central first. */
  label: string;
  size: number;
  leaders: string[];
}

export interface Measures {
  nodes: Map<string, NodeMeasures>;
  communities: CommunitySummary[];
  betweennessExact: boolean;
  betweennessSources: number;
  modularity: number;
}

export interface ValueCount {
  value: number;
  count: number;
}

export interface LineageDistribution {
  /** Models per lineage depth (generations above them), over models that have any lineage. */
  depth: ValueCount[];
  /** Per lineage kind: how many parents have 1, 2, … direct children of that kind. */
  fanOut: Array<{ kind: string; distribution: ValueCount[]; parents: number; children: number; max: number }>;
  /** The largest families: roots ordered by distinct descendants. */
  families: Array<{ rootId: string; descendants: number; generations: number }>;
}
