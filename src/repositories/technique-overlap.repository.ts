import { int, type DbScope } from '../db/database.js';
import type { Selection } from '../domain/selection.js';
import { ProjectionCompiler } from './projection.cypher.js';
import type { EntityRow } from './entity.repository.js';

/** What models have in common through the techniques they use. */
export class TechniqueOverlapRepository {
  constructor(private readonly db: DbScope) {}

  /** Techniques used by every one of the given models (distinct ids). */
  async shared(modelIds: string[], selection: Selection): Promise<EntityRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (m:Model)-[:USES]->(t:Technique) WHERE m.id IN $ids
       WITH t, count(DISTINCT m) AS users WHERE users = size($ids)
       RETURN ${compiler.entity('t', selection)} AS technique ORDER BY t.name`,
      { ids: modelIds },
    );
    return rows.map((row) => row.technique as EntityRow);
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
      `MATCH (m:Model {id: $id})-[:USES]->(t:Technique)
       WITH m, count(t) AS mine
       MATCH (m)-[:USES]->(t:Technique)<-[:USES]-(other:Model)
       WHERE other <> m
       WITH m, mine, other, collect(t) AS shared
       WITH other, shared, toFloat(size(shared)) / (mine + COUNT { (other)-[:USES]->(:Technique) } - size(shared)) AS score
       ORDER BY score DESC, size(shared) DESC, other.name
       LIMIT $first
       RETURN ${compiler.entity('other', modelSelection)} AS model, score,
              [t IN shared | ${compiler.entity('t', techniqueSelection)}] AS shared`,
      { id: modelId, first: int(first) },
    );
    return rows as unknown as Array<{ model: EntityRow; score: number; shared: EntityRow[] }>;
  }
}
