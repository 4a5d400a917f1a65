import type { DbScope } from '../db/database.js';
import { knownLabel, LABEL_OF, RelationType, relType, SOURCE_LABEL } from '../domain/graph-model.js';

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

export class StatsRepository {
  constructor(private readonly db: DbScope) {}

  async counts(): Promise<{ nodes: LabelCount[]; relationships: LabelCount[] }> {
    const [row] = await this.db.read(COUNTS_CYPHER);
    return row as { nodes: LabelCount[]; relationships: LabelCount[] };
  }
}
