import type { DbScope } from '../db/database.js';
import { VERSION_LABEL } from '../db/data-version.js';
import { GRAPH_META_LABEL, knownLabel, LABEL_OF, RelationType, relType, SOURCE_LABEL } from '../domain/graph-model.js';
import { CATALOGUE_SOURCE_PREFIX } from '../domain/catalogue-sources.js';

export interface LabelCount {
  label: string;
  count: number;
}

const NODE_LABELS = [...Object.values(LABEL_OF), SOURCE_LABEL].map(knownLabel);
const REL_TYPES = Object.values(RelationType).map(relType);

// Labels and types come from the enums (never from input), one count each so Neo4j answers from its count store.
const COUNTS_CYPHER = `RETURN
  [${NODE_LABELS.map((label) => `{label: '${label}', count: COUNT { (:${label}) }}`).join(', ')}] AS nodes,
  [${REL_TYPES.map((type) => `{label: '${type}', count: COUNT { ()-[:${type}]->() }}`).join(', ')}] AS relationships`;

/** What the service serves: the data version, and how the graph was loaded (the load marker). */
export interface DataVersionRow {
  graphVersion: string;
  loadedAt: string | null;
  release: string | null;
  seedHash: string | null;
  catalogues: string[];
  /** Documents and catalogue snapshots (not web pages cited by URL), catalogues first, newest first. */
  sources: Array<{ id: string; [field: string]: unknown }>;
}

export class StatsRepository {
  constructor(private readonly db: DbScope) {}

  async dataVersion(): Promise<DataVersionRow> {
    const [row] = await this.db.read(
      `OPTIONAL MATCH (v:${VERSION_LABEL} {id: 'graph'}) OPTIONAL MATCH (m:${knownLabel(GRAPH_META_LABEL)} {id: 'seed'})
       RETURN toString(coalesce(v.value, 0)) AS graphVersion, toString(m.seededAt) AS loadedAt, m.release AS release,
              m.seedHash AS seedHash, coalesce(m.catalogues, []) AS catalogues,
              COLLECT { MATCH (s:${SOURCE_LABEL}) WHERE s.file IS NOT NULL OR s.id STARTS WITH '${CATALOGUE_SOURCE_PREFIX}'
                        RETURN s {.*} ORDER BY s.file IS NOT NULL, s.date DESC, s.id LIMIT 200 } AS sources`,
    );
    return row as unknown as DataVersionRow;
  }

  async counts(): Promise<{ nodes: LabelCount[]; relationships: LabelCount[] }> {
    const [row] = await this.db.read(COUNTS_CYPHER);
    return row as { nodes: LabelCount[]; relationships: LabelCount[] };
  }
}
