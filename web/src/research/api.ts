/**
 * The research queries (issue 16): stored measures, dates for the time slider, curves and the
 * organization network. Their texts are in ../operations/research.graphql; types and ids are generated.
 */
import { request } from '../api';
import {
  AdoptionCurveDocument,
  type AdoptionCurveQuery,
  CommunitiesDocument,
  type CommunitiesQuery,
  GraphMeasuresDocument,
  type GraphMeasuresQuery,
  OrganizationNetworkDocument,
  type OrganizationNetworkQuery,
  type PeriodBucket,
  type ReleaseGrouping as Grouping,
  ReleasesPerPeriodDocument,
  type ReleasesPerPeriodQuery,
  TechniqueChoicesDocument,
  type TechniqueChoicesQuery,
} from '../generated/graphql';

export type Bucket = PeriodBucket;
export type ReleaseGrouping = Grouping;
export type NodeMeasure = GraphMeasuresQuery['influence'][number];
export type Community = CommunitiesQuery['communities'][number];
export type AdoptionCurve = AdoptionCurveQuery['adoptionCurve'][number];
export type PeriodCount = AdoptionCurve['points'][number];
export type ReleaseSeries = ReleasesPerPeriodQuery['releasesPerPeriod'][number];
export type OrganizationNetwork = OrganizationNetworkQuery['organizationNetwork'];
export type OrganizationLink = OrganizationNetwork['links'][number];
export type TechniqueChoice = TechniqueChoicesQuery['techniqueAdoption'][number];

/** The server caps `influence(ids)` at 1000 ids a request. */
const INFLUENCE_BATCH = 1000;

/** Stored measures of the given entities; unmeasured ids are left out (the run may not have finished). */
export async function measuresOf(ids: string[]): Promise<NodeMeasure[]> {
  const out: NodeMeasure[] = [];
  for (let i = 0; i < ids.length; i += INFLUENCE_BATCH) {
    const data = await request(GraphMeasuresDocument, { ids: ids.slice(i, i + INFLUENCE_BATCH) });
    out.push(...data.influence);
  }
  return out;
}

export async function communities(first = 20): Promise<Community[]> {
  return (await request(CommunitiesDocument, { first })).communities;
}

/** The most used techniques with their first adoption date (the charts' choice of techniques). */
export async function techniqueChoices(): Promise<TechniqueChoice[]> {
  return (await request(TechniqueChoicesDocument)).techniqueAdoption;
}

export async function adoptionCurve(techniqueIds: string[], bucket: Bucket): Promise<AdoptionCurve[]> {
  return (await request(AdoptionCurveDocument, { ids: techniqueIds, bucket })).adoptionCurve;
}

export async function releasesPerPeriod(by: ReleaseGrouping, bucket: Bucket, first = 10): Promise<ReleaseSeries[]> {
  return (await request(ReleasesPerPeriodDocument, { by, bucket, first })).releasesPerPeriod;
}

export async function organizationNetwork(first = 100): Promise<OrganizationNetwork> {
  return (await request(OrganizationNetworkDocument, { first })).organizationNetwork;
}
