import { int, type DbScope } from '../db/database.js';
import { EntityType, label, RelationType, relType } from '../domain/graph-model.js';

const MODEL = label(EntityType.MODEL);
const TECHNIQUE = label(EntityType.TECHNIQUE);
const USES = relType(RelationType.USES);
import type { Selection } from '../domain/selection.js';

import { ProjectionCompiler } from './projection.cypher.js';

import { entityRow, similarModel } from './decode.js';
import type { EntityRow } from './rows.js';

/** What models have in common through the techniques they use. */
export class TechniqueOverlapRepository {
  constructor(private readonly db: DbScope) {}

  /** Techniques used by every one of the given models (distinct ids). */
  async shared(modelIds: string[], selection: Selection): Promise<EntityRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (m:${MODEL})-[:${USES}]->(t:${TECHNIQUE}) WHERE m.id IN $ids
       WITH t, count(DISTINCT m) AS users WHERE users = size($ids)
       RETURN ${compiler.entity('t', selection)} AS technique ORDER BY t.name`,
      { ids: modelIds },
    );
    return rows.map((row) => entityRow.parse(row.technique));
  }

  /** Models ranked by Jaccard similarity of technique sets, with the techniques they share. */
  async similar(
    modelId: string,
    first: number,
    modelSelection: Selection,
    techniqueSelection: Selection,
  ): Promise<Array<{ model: EntityRow; score: number; shared: EntityRow[] }>> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (m:${MODEL} {id: $id})-[:${USES}]->(t:${TECHNIQUE})
       WITH m, count(t) AS mine
       MATCH (m)-[:${USES}]->(t:${TECHNIQUE})<-[:${USES}]-(other:${MODEL})
       WHERE other <> m
       WITH m, mine, other, collect(t) AS shared
       WITH other, shared, toFloat(size(shared)) / (mine + COUNT { (other)-[:${USES}]->(:${TECHNIQUE}) } - size(shared)) AS score
       ORDER BY score DESC, size(shared) DESC, other.name
       LIMIT $first
       RETURN ${compiler.entity('other', modelSelection)} AS model, score,
              [t IN shared | ${compiler.entity('t', techniqueSelection)}] AS shared`,
      { id: modelId, first: int(first) },
    );
    return rows.map((row) => similarModel.parse(row));
  }
}
