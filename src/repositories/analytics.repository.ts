import { int, type DbScope } from '../db/database.js';
import { ENTITY_LABEL, EntityType, label, LABEL_OF, RelationType, relType } from '../domain/graph-model.js';
import { STRUCTURAL_RELATIONS } from '../domain/registry.js';
import { CAPS } from '../domain/limits.js';
import type { Selection } from '../domain/selection.js';
import { ProjectionCompiler } from './projection.cypher.js';
import { RESULT_ORDER } from './results.cypher.js';
import { UNIT_DEPTH } from './entity.repository.js';
import {
  degreeRow,
  entityRow,
  mitigationRow,
  modelComparisonRow,
  organizationProfileRow,
  techniqueAdoptionRow,
  timelineRow,
} from './decode.js';
import type {
  EntityRow,
  MitigationRowValue,
  ModelComparisonRow,
  OrganizationProfileRow,
  TechniqueAdoptionRow,
  TimelineRow,
} from './rows.js';

export interface ProfileSelections {
  organization: Selection;
  models: Selection;
  techniques: Selection;
  collaborators: Selection;
  buildsOn: Selection;
}

export interface ComparisonSelections {
  models: Selection;
  shared: Selection;
  techniqueRows: Selection;
  limitationRows: Selection;
  benchmarkRows: Selection;
  /** What is asked of each model's result in a benchmark row: its ends and citations. */
  results: { model?: Selection; benchmark?: Selection; citations: boolean };
}

// Degree counts only the domain vocabulary, so provenance edges (CITES) never make an entity look central.
const DOMAIN_RELATIONSHIPS = STRUCTURAL_RELATIONS.map(relType).join('|');

/*
 * Release dates are ISO strings of varying precision ("2023", "2023-03", "2023-03-14"). Comparing
 * them as strings orders them chronologically, with a coarser date sorting before the finer
 * dates it contains; range bounds compare only the bound's own precision (as the models filter does).
 */
const inRange = (expression: string) =>
  `($from IS NULL OR left(${expression}, size($from)) >= $from) AND ($to IS NULL OR left(${expression}, size($to)) <= $to)`;

/** Research questions over the whole graph; each method is one Cypher statement. */
export class AnalyticsRepository {
  constructor(private readonly db: DbScope) {}

  /** Model releases and first technique adoptions in date order, within [from, to] by prefix. */
  async timeline(options: {
    from: string | null;
    to: string | null;
    types: EntityType[];
    first: number;
    selection: Selection;
  }): Promise<TimelineRow[]> {
    const branches: string[] = [];
    if (options.types.includes(EntityType.MODEL)) {
      branches.push(`MATCH (n:${label(EntityType.MODEL)}) WHERE n.releaseDate IS NOT NULL AND ${inRange('n.releaseDate')}
        RETURN n, n.releaseDate AS day, 'RELEASED' AS event, 0 AS rank`);
    }
    if (options.types.includes(EntityType.TECHNIQUE)) {
      // Filter on the adoption date itself: a technique first adopted before `from` is not an event in range.
      branches.push(`MATCH (n:${label(EntityType.TECHNIQUE)})<-[:${relType(RelationType.USES)}]-(m:${label(EntityType.MODEL)})
        WHERE m.releaseDate IS NOT NULL
        WITH n, min(m.releaseDate) AS day WHERE ${inRange('day')}
        RETURN n, day, 'FIRST_ADOPTED' AS event, 1 AS rank`);
    }
    if (branches.length === 0) return [];
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `CALL () { ${branches.join(' UNION ALL ')} }
       WITH n, day, event, rank ORDER BY day, rank, n.name, n.id LIMIT $first
       RETURN day AS date, event, ${compiler.entity('n', options.selection)} AS entity`,
      { from: options.from, to: options.to, first: int(options.first) },
    );
    return rows.map((row) => timelineRow.parse(row));
  }

  /** Techniques by how many models use them, with who adopted them first and when. */
  async techniqueAdoption(options: {
    first: number;
    category: string | null;
    techniqueSelection: Selection;
    modelSelection: Selection;
  }): Promise<TechniqueAdoptionRow[]> {
    const compiler = new ProjectionCompiler();
    const uses = `(t)<-[:${relType(RelationType.USES)}]-(m:${label(EntityType.MODEL)})`;
    const rows = await this.db.read(
      `MATCH (t:${label(EntityType.TECHNIQUE)}) WHERE $category IS NULL OR t.category = $category
       WITH t, COUNT { MATCH ${uses} RETURN DISTINCT m } AS modelCount
       ORDER BY modelCount DESC, t.name, t.id LIMIT $first
       CALL (t) {
         OPTIONAL MATCH ${uses}-[:${relType(RelationType.DEVELOPED_BY)}]->(o:${label(EntityType.ORGANIZATION)})
         RETURN count(DISTINCT o) AS organizationCount
       }
       CALL (t) {
         MATCH ${uses} WHERE m.releaseDate IS NOT NULL
         WITH DISTINCT m ORDER BY m.releaseDate, m.name, m.id
         RETURN head(collect(m)) AS firstAdopter
       }
       CALL (t) {
         MATCH ${uses} WHERE m.releaseDate IS NOT NULL
         WITH toInteger(left(m.releaseDate, 4)) AS year, count(DISTINCT m) AS count ORDER BY year
         RETURN collect({year: year, count: count}) AS byYear
       }
       RETURN ${compiler.entity('t', options.techniqueSelection)} AS technique, modelCount, organizationCount,
              CASE WHEN firstAdopter IS NULL THEN null ELSE ${compiler.entity('firstAdopter', options.modelSelection)} END AS firstAdopter,
              firstAdopter.releaseDate AS firstAdoptedOn, byYear
       ORDER BY modelCount DESC, t.name, t.id`,
      { category: options.category, first: int(options.first) },
    );
    return rows.map((row) => techniqueAdoptionRow.parse(row));
  }

  /** The model's limitations that no technique it uses mitigates. */
  async unmitigatedLimitations(modelId: string, selection: Selection): Promise<EntityRow[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (m:${label(EntityType.MODEL)} {id: $id})-[:${relType(RelationType.HAS_LIMITATION)}]->(l:${label(EntityType.LIMITATION)})
       WHERE NOT EXISTS { (m)-[:${relType(RelationType.USES)}]->(:${label(EntityType.TECHNIQUE)})-[:${relType(RelationType.MITIGATES)}]->(l) }
       WITH DISTINCT l ORDER BY l.name, l.id LIMIT ${CAPS.relationField}
       RETURN ${compiler.entity('l', selection)} AS limitation`,
      { id: modelId },
    );
    return rows.map((row) => entityRow.parse(row.limitation));
  }

  /** Every limitation (by name) with the techniques that mitigate it, possibly none. */
  async mitigationMatrix(first: number, limitationSelection: Selection, techniqueSelection: Selection): Promise<MitigationRowValue[]> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (l:${label(EntityType.LIMITATION)}) WITH l ORDER BY l.name, l.id LIMIT $first
       RETURN ${compiler.entity('l', limitationSelection)} AS limitation,
              COLLECT { MATCH (t:${label(EntityType.TECHNIQUE)})-[:${relType(RelationType.MITIGATES)}]->(l)
                        WITH DISTINCT t ORDER BY t.name, t.id LIMIT ${CAPS.relationField}
                        RETURN ${compiler.entity('t', techniqueSelection)} } AS techniques
       ORDER BY l.name, l.id`,
      { first: int(first) },
    );
    return rows.map((row) => mitigationRow.parse(row));
  }

  /** Everything about one organization's work, or null when there is no such organization. */
  async organizationProfile(id: string, selections: ProfileSelections, includeUnits = true): Promise<OrganizationProfileRow | null> {
    const compiler = new ProjectionCompiler();
    const model = label(EntityType.MODEL);
    const organization = label(EntityType.ORGANIZATION);
    // With its units, an organization's models are those of every lab and division PART_OF it.
    const units = includeUnits ? `<-[:${relType(RelationType.PART_OF)}*0..${UNIT_DEPTH}]-(:${organization})` : '';
    const developed = `(o)${units}<-[:${relType(RelationType.DEVELOPED_BY)}]-(m:${model})`;
    const [row] = await this.db.read(
      `MATCH (o:${organization} {id: $id})
       CALL (o) {
         OPTIONAL MATCH ${developed}
         RETURN min(m.releaseDate) AS firstRelease, max(m.releaseDate) AS latestRelease
       }
       RETURN ${compiler.entity('o', selections.organization)} AS organization, firstRelease, latestRelease,
         COLLECT { MATCH ${developed} WITH DISTINCT m ORDER BY m.name, m.id LIMIT ${CAPS.relationField}
                   RETURN ${compiler.entity('m', selections.models)} } AS models,
         COLLECT { MATCH ${developed}-[:${relType(RelationType.USES)}]->(t:${label(EntityType.TECHNIQUE)})
                   WITH t, count(DISTINCT m) AS count ORDER BY count DESC, t.name, t.id LIMIT ${CAPS.favouriteTechniques}
                   RETURN {technique: ${compiler.entity('t', selections.techniques)}, count: count} } AS favouriteTechniques,
         COLLECT { MATCH (o)-[:${relType(RelationType.COLLABORATES_WITH)}]-(c:${organization}) WHERE c <> o
                   WITH DISTINCT c ORDER BY c.name, c.id LIMIT ${CAPS.relationField}
                   RETURN ${compiler.entity('c', selections.collaborators)} } AS collaborators,
         COLLECT { MATCH ${developed}-[:${relType(RelationType.DERIVED_FROM)}]->(p:${model})-[:${relType(RelationType.DEVELOPED_BY)}]->(b:${organization})
                   WHERE b <> o
                   WITH b, count(DISTINCT [m, p]) AS count ORDER BY count DESC, b.name, b.id LIMIT ${CAPS.relationField}
                   RETURN {organization: ${compiler.entity('b', selections.buildsOn)}, count: count} } AS buildsOnOrganizations`,
      { id },
    );
    return row === undefined ? null : organizationProfileRow.parse(row);
  }

  /** Entities by their number of domain relationships, either direction. */
  async mostConnected(first: number, types: EntityType[], selection: Selection): Promise<Array<{ entity: EntityRow; degree: number }>> {
    const compiler = new ProjectionCompiler();
    const rows = await this.db.read(
      `MATCH (n:${ENTITY_LABEL}) WHERE any(label IN labels(n) WHERE label IN $labels)
       WITH n, COUNT { (n)-[:${DOMAIN_RELATIONSHIPS}]-() } AS degree
       ORDER BY degree DESC, n.name, n.id LIMIT $first
       RETURN ${compiler.entity('n', selection)} AS entity, degree
       ORDER BY degree DESC, n.name, n.id`,
      { labels: types.map((type) => LABEL_OF[type]), first: int(first) },
    );
    return rows.map((row) => degreeRow.parse(row));
  }

  /** Side-by-side techniques and limitations of models, columns in the order of `ids`. */
  async compareModels(ids: string[], selections: ComparisonSelections): Promise<ModelComparisonRow> {
    const compiler = new ProjectionCompiler();
    const model = label(EntityType.MODEL);
    // Rows for a relationship from the compared models: one per target, present[i] for models[i].
    const rowsOf = (type: RelationType, label: string, selection: Selection) =>
      `COLLECT { UNWIND models AS m MATCH (m)-[:${relType(type)}]->(x:${label})
                 WITH x, collect(DISTINCT m) AS holders ORDER BY x.name, x.id LIMIT ${CAPS.relationField}
                 RETURN {entity: ${compiler.entity('x', selection)}, present: [k IN models | k IN holders]} }`;
    const technique = label(EntityType.TECHNIQUE);
    const [row] = await this.db.read(
      `UNWIND range(0, size($ids) - 1) AS i
       OPTIONAL MATCH (n:${model} {id: $ids[i]})
       WITH i, n ORDER BY i
       WITH collect(n) AS models, collect(CASE WHEN n IS NULL THEN $ids[i] END) AS missing
       RETURN missing,
         [m IN models | ${compiler.entity('m', selections.models)}] AS models,
         COLLECT { UNWIND models AS m MATCH (m)-[:${relType(RelationType.USES)}]->(t:${technique})
                   WITH t, count(DISTINCT m) AS users WHERE users = size(models)
                   WITH t ORDER BY t.name, t.id LIMIT ${CAPS.relationField}
                   RETURN ${compiler.entity('t', selections.shared)} } AS sharedTechniques,
         ${rowsOf(RelationType.USES, technique, selections.techniqueRows)} AS techniqueRows,
         ${rowsOf(RelationType.HAS_LIMITATION, label(EntityType.LIMITATION), selections.limitationRows)} AS limitationRows,
         ${this.benchmarkRows(compiler, selections)} AS benchmarkRows`,
      { ids },
    );
    return modelComparisonRow.parse(row);
  }

  /** One row per benchmark any compared model has a result on, by name: each model's best-ranked result on it, or null. */
  private benchmarkRows(compiler: ProjectionCompiler, selections: ComparisonSelections): string {
    const scored = relType(RelationType.SCORED_ON);
    const result = compiler.statement(RelationType.SCORED_ON, 'r', {
      start: 'k',
      end: 'x',
      startSelection: selections.results.model,
      endSelection: selections.results.benchmark,
      citations: selections.results.citations,
    });
    return `COLLECT { UNWIND models AS m MATCH (m)-[:${scored}]->(x:${label(EntityType.BENCHMARK)})
              WITH DISTINCT x ORDER BY x.name, x.id LIMIT ${CAPS.relationField}
              RETURN {benchmark: ${compiler.entity('x', selections.benchmarkRows)},
                      results: [k IN models | head(COLLECT { MATCH (k)-[r:${scored}]->(x) WITH r ORDER BY ${RESULT_ORDER('r')} LIMIT 1 RETURN ${result} })]} }`;
  }
}
