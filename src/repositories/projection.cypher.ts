import { CITES, EntityType, label, relType, SOURCE_LABEL } from '../domain/graph-model.js';
import { CAPS } from '../domain/limits.js';
import { ENTITY_TYPES, KINDS, type RelationType, statementPropertiesOf } from '../domain/registry.js';
import { PROPERTY_FIELDS, type RelationField, relationFieldOf, statementEnds } from '../domain/relation-fields.js';
import type { EntitySelection, RelationSelection, Selection } from '../domain/selection.js';
import { RESULT_ORDER, resultRank } from './results.cypher.js';
import { influenceMap } from './measures.repository.js';

/**
 * Compiles a Selection into a Cypher map projection of one node, with nested COLLECT subqueries
 * for relationship fields. Every identifier in the output comes from the enums and the
 * RELATION_FIELDS table; no request value is ever spliced in.
 */
export class ProjectionCompiler {
  private next = 0;

  private fresh(prefix: string): string {
    this.next += 1;
    return `${prefix}${this.next}`;
  }

  /**
   * A map for node `v`: its properties, `__type`, and whatever the selection asks for. `__type` is
   * left out of the items of relationship fields: their GraphQL type is one kind, so nothing reads
   * it, and on the benchmark's nested query it cost Neo4j a sixth of its time.
   */
  entity(v: string, selection: Selection, typed = true): string {
    const types = Object.keys(selection) as EntityType[];
    if (types.length === 0) return NAMED_ENTITY(v);
    if (types.length === 1) return this.ofType(v, types[0]!, selection[types[0]!]!, typed);
    // The same properties asked of every kind (a search's id and name) need one map, not a branch per kind.
    const untyped = types.map((type) => this.parts(v, type, selection[type]!, null).join(', '));
    if (types.length === ENTITY_TYPES.length && untyped.every((parts) => parts === untyped[0]))
      return `${v} {${this.parts(v, types[0]!, selection[types[0]!]!, typeExpression(v)).join(', ')}}`;
    const branches = types.map((type) => `WHEN ${v}:${label(type)} THEN ${this.ofType(v, type, selection[type]!, true)}`);
    return `CASE ${branches.join(' ')} ELSE ${NAMED_ENTITY(v)} END`;
  }

  private ofType(v: string, type: EntityType, selection: EntitySelection, typed: boolean): string {
    return `${v} {${this.parts(v, type, selection, typed ? `'${type}'` : null).join(', ')}}`;
  }

  /** The map's entries: the properties asked for, the kind (`typeTag`, an expression) when given, then the rest. */
  private parts(v: string, type: EntityType, selection: EntitySelection, typeTag: string | null): string[] {
    // Only the properties the request reads travel back; names come from PROPERTY_FIELDS.
    // A list the node lacks reads as empty: list fields are non-null in the schema.
    const parts = [...selection.fields]
      .filter((field) => PROPERTY_FIELDS[type].has(field))
      .map((field) => (KINDS[type].properties[field]?.scalar === 'StringList' ? `${field}: coalesce(${v}.${field}, [])` : `.${field}`));
    if (typeTag !== null) parts.push(`__type: ${typeTag}`);
    if (selection.sources) parts.push(`sources: ${this.entityCitations(v, 'mentions')}`);
    if (selection.claims) parts.push(`claims: ${this.entityCitations(v, 'claims')}`);
    if (selection.withheld) parts.push(`withheld: ${this.entityCitations(v, 'withheld')}`);
    if (selection.influence) parts.push(`influence: ${influenceMap(v)}`);
    for (const [field, wanted] of selection.relations) {
      const relation = relationFieldOf(type, field);
      if (relation === undefined) continue;
      parts.push(
        `${field}: ${relation.statement ? this.statements(v, relation, wanted) : this.relation(v, relation, wanted.target, wanted.citations)}`,
      );
    }
    return parts;
  }

  private relation(v: string, relation: RelationField, target: Selection, citations: boolean): string {
    const [r, x] = [this.fresh('r'), this.fresh('x')];
    const pattern = relationPattern(v, r, relation, x, label(relation.target));
    const node = this.entity(x, target, false);
    const cited = citations ? `, citations: ${this.relationshipCitations(r)}` : '';
    const value = relation.link ? `{kind: ${r}.kind, model: ${node}${cited}}` : relation.cited ? `{node: ${node}${cited}}` : node;
    // A directed pattern meets each relationship once; an undirected one meets a self-loop twice.
    const distinct = relation.direction === 'BOTH' ? 'DISTINCT ' : '';
    return `COLLECT { MATCH ${pattern} WITH ${distinct}${r}, ${x} ORDER BY ${x}.name, ${x}.id LIMIT ${CAPS.relationField} RETURN ${value} }`;
  }

  /**
   * A statement relationship's items (benchmark results): each with its key, its properties, its rank among
   * the statements of its pair, the entity at the far end and, when asked, the near one; by the far end's
   * name, then in rank order.
   */
  private statements(v: string, relation: RelationField, wanted: RelationSelection): string {
    const [r, x] = [this.fresh('r'), this.fresh('x')];
    const pattern = relationPattern(v, r, relation, x, label(relation.target));
    const inward = relation.direction === 'IN';
    const value = this.statement(relation.type, r, {
      start: inward ? x : v,
      end: inward ? v : x,
      startSelection: inward ? wanted.target : wanted.self,
      endSelection: inward ? wanted.self : wanted.target,
      citations: wanted.citations,
    });
    return `COLLECT { MATCH ${pattern} WITH ${r}, ${x} ORDER BY ${x}.name, ${x}.id, ${RESULT_ORDER(r)} LIMIT ${CAPS.relationField} RETURN ${value} }`;
  }

  /**
   * One statement relationship `r` from `start` to `end` as its link object: key, properties, rank among the
   * statements of its pair, each end named by its kind (`model`, `benchmark`) when selected, citations when asked.
   */
  statement(
    type: RelationType,
    r: string,
    at: { start: string; end: string; startSelection?: Selection; endSelection?: Selection; citations: boolean },
  ): string {
    const ends = statementEnds(type, 'OUT');
    const props = statementPropertiesOf(type).map(([name]) => `${name}: ${r}.${name}`);
    const parts = [`key: ${r}.key`, ...props, `rank: ${resultRank(type, r, at.start, at.end, this.fresh('q'))}`];
    if (at.startSelection) parts.push(`${ends.near}: ${this.entity(at.start, at.startSelection, false)}`);
    if (at.endSelection) parts.push(`${ends.far}: ${this.entity(at.end, at.endSelection, false)}`);
    if (at.citations) parts.push(`citations: ${this.relationshipCitations(r)}`);
    return `{${parts.join(', ')}}`;
  }

  /**
   * An entity's citations: its mentions, its claims (with their rank, hedge and plausibility flags), or
   * the claims of attributes the node shows no value for: none of them is believed (WITHHELD_CLAIM).
   */
  private entityCitations(v: string, which: 'mentions' | 'claims' | 'withheld'): string {
    const [c, s] = [this.fresh('c'), this.fresh('s')];
    const claim =
      which === 'mentions'
        ? ''
        : `attribute: ${c}.attribute, value: ${c}.value, rank: coalesce(${c}.rank, 'NORMAL'), reason: ${c}.reason, hedged: coalesce(${c}.hedged, false), ` +
          `flags: ${CLAIM_FLAGS(c)}, `;
    const test = which === 'mentions' ? `${c}.attribute IS NULL` : which === 'claims' ? `${c}.attribute IS NOT NULL` : WITHHELD_CLAIM(v, c);
    return `COLLECT { MATCH (${v})-[${c}:${relType(CITES)}]->(${s}:${SOURCE_LABEL}) WHERE ${test}
      WITH ${c}, ${s} ORDER BY ${c}.ordinal
      RETURN {${claim}quote: ${c}.quote, note: ${c}.note, confidence: ${c}.confidence, locator: ${c}.locator, source: ${s} {.*}} }`;
  }

  /** Citations stored on a relationship as parallel lists, joined to their Source nodes in order (with the type, to locate them). */
  relationshipCitations(r: string): string {
    const [i, s] = [this.fresh('i'), this.fresh('s')];
    return `COLLECT { UNWIND range(0, size(coalesce(${r}.citationSources, [])) - 1) AS ${i}
      MATCH (${s}:${SOURCE_LABEL} {id: ${r}.citationSources[${i}]})
      WITH ${i}, ${s} ORDER BY ${i}
      RETURN {quote: ${blankToNull(`${r}.citationQuotes[${i}]`)}, note: ${blankToNull(`${r}.citationNotes[${i}]`)}, confidence: ${r}.citationConfidences[${i}], relation: type(${r}), source: ${s} {.*}} }`;
  }
}

/** A claim's plausibility flags as {rule, reason} maps, from its two parallel lists (src/repositories/quality.repository.ts). */
const CLAIM_FLAGS = (c: string) =>
  `[i IN range(0, size(coalesce(${c}.qualityRules, [])) - 1) | {rule: ${c}.qualityRules[i], reason: ${c}.qualityReasons[i]}]`;

/** A claim of an attribute the node shows nothing for (no claim of it is believed), deprecated ones left out. */
const WITHHELD_CLAIM = (v: string, c: string) =>
  `${c}.attribute IS NOT NULL AND ${v}[${c}.attribute] IS NULL AND coalesce(${c}.rank, 'NORMAL') <> 'DEPRECATED'`;

/** Relationship citation lists hold '' where a citation has no quote or no note (lists cannot hold nulls). */
const blankToNull = (item: string) => `CASE WHEN coalesce(${item}, '') = '' THEN null ELSE ${item} END`;

function relationPattern(v: string, r: string, relation: RelationField, x: string, targetLabel: string): string {
  const arrow = `[${r}:${relType(relation.type)}]`;
  if (relation.direction === 'OUT') return `(${v})-${arrow}->(${x}:${targetLabel})`;
  if (relation.direction === 'IN') return `(${v})<-${arrow}-(${x}:${targetLabel})`;
  return `(${v})-${arrow}-(${x}:${targetLabel})`;
}

/** The EntityType of node `v`, read from its labels. */
export function typeExpression(v: string): string {
  const cases = Object.values(EntityType).map((type) => `WHEN ${v}:${label(type)} THEN '${type}'`);
  return `CASE ${cases.join(' ')} END`;
}

/** Id, name and kind of any entity. */
export const NAMED_ENTITY = (v: string) => `${v} {.id, .name, __type: ${typeExpression(v)}}`;
