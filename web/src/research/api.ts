/**
 * The research queries (issue 16): stored measures, dates for the time slider, curves and the
 * organization network. Every operation here is a trusted document (src/graphql/trusted-sources.ts
 * reads this file as it reads ../api.ts), so each is a fixed text with variables only.
 */
import { request } from '../api';
import type { EntityRef } from '../types';

export type Bucket = 'YEAR' | 'QUARTER';
export type ReleaseGrouping = 'ORGANIZATION' | 'COUNTRY' | 'OPEN_WEIGHTS';

export interface PeriodCount {
  period: string;
  count: number;
  cumulative: number;
}

export interface NodeMeasure {
  id: string;
  pageRank: number;
  version: string;
  community: { id: number; label: string } | null;
}

export interface Community {
  id: number;
  label: string;
  size: number;
}

export interface AdoptionCurve {
  technique: EntityRef;
  points: PeriodCount[];
  undated: number;
}

export interface ReleaseSeries {
  key: string;
  label: string;
  total: number;
  points: PeriodCount[];
}

export interface OrganizationLink {
  from: EntityRef;
  to: EntityRef;
  fromCountry: string | null;
  toCountry: string | null;
  weight: number;
}

export interface OrganizationNetwork {
  links: OrganizationLink[];
  countryFlows: Array<{ from: string; to: string; weight: number }>;
}

export interface TechniqueChoice {
  technique: EntityRef;
  modelCount: number;
  firstAdoptedOn: string | null;
}

/** The server caps `influence(ids)` at 1000 ids a request. */
const INFLUENCE_BATCH = 1000;

/** Stored measures of the given entities; unmeasured ids are left out (the run may not have finished). */
export async function measuresOf(ids: string[]): Promise<NodeMeasure[]> {
  const out: NodeMeasure[] = [];
  for (let i = 0; i < ids.length; i += INFLUENCE_BATCH) {
    const data = await request<{ influence: NodeMeasure[] }>(
      `query GraphMeasures($ids: [ID!]!) { influence(ids: $ids) { id pageRank version community { id label } } }`,
      { ids: ids.slice(i, i + INFLUENCE_BATCH) },
    );
    out.push(...data.influence);
  }
  return out;
}

export async function communities(first = 20): Promise<Community[]> {
  const data = await request<{ communities: Community[] }>(
    `query Communities($first: Int!) { communities(first: $first) { id label size } }`,
    {
      first,
    },
  );
  return data.communities;
}

/** The most used techniques with their first adoption date (the charts' choice of techniques). */
export async function techniqueChoices(): Promise<TechniqueChoice[]> {
  const data = await request<{ techniqueAdoption: TechniqueChoice[] }>(
    `query TechniqueChoices { techniqueAdoption(first: 100) { modelCount firstAdoptedOn technique { id name type } } }`,
  );
  return data.techniqueAdoption;
}

export async function adoptionCurve(techniqueIds: string[], bucket: Bucket): Promise<AdoptionCurve[]> {
  const data = await request<{ adoptionCurve: AdoptionCurve[] }>(
    `query AdoptionCurve($ids: [ID!]!, $bucket: PeriodBucket!) {
      adoptionCurve(techniqueIds: $ids, bucket: $bucket) { undated technique { id name type } points { period count cumulative } }
    }`,
    { ids: techniqueIds, bucket },
  );
  return data.adoptionCurve;
}

export async function releasesPerPeriod(by: ReleaseGrouping, bucket: Bucket, first = 10): Promise<ReleaseSeries[]> {
  const data = await request<{ releasesPerPeriod: ReleaseSeries[] }>(
    `query ReleasesPerPeriod($by: ReleaseGrouping!, $bucket: PeriodBucket!, $first: Int!) {
      releasesPerPeriod(by: $by, bucket: $bucket, first: $first) { key label total points { period count cumulative } }
    }`,
    { by, bucket, first },
  );
  return data.releasesPerPeriod;
}

export async function organizationNetwork(first = 100): Promise<OrganizationNetwork> {
  const data = await request<{ organizationNetwork: OrganizationNetwork }>(
    `query OrganizationNetwork($first: Int!) {
      organizationNetwork(first: $first) {
        links { weight fromCountry toCountry from { id name type } to { id name type } }
        countryFlows { from to weight }
      }
    }`,
    { first },
  );
  return data.organizationNetwork;
}
