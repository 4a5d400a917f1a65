import neo4j from 'neo4j-driver';
import type { DatabaseScopes, DbScope, Params, Row } from '../../../src/db/database.js';
import { emptyEntitySelection, type Selection } from '../../../src/domain/selection.js';
import type { EntityType } from '../../../src/domain/graph-model.js';
import type { GraphRows } from '../../../src/domain/graph-rows.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../../../src/domain/registry.js';

/**
 * A database that runs nothing: it records the statements a repository sends, with their
 * parameters, and answers each with the rows of the first `answers` entry whose text the statement
 * contains (none: no rows). The Cypher of every repository is tested with it, as the Neo4j GraphQL
 * Library's TCK tests its translation: statements and parameters for representative inputs, in
 * snapshots reviewed by hand (`npx vitest run --project unit -u` rewrites them after a change).
 */
export interface Statement {
  mode: 'READ' | 'WRITE';
  cypher: string;
  params: Params;
}

export class Recording implements DatabaseScopes {
  readonly statements: Statement[] = [];

  constructor(private readonly answers: Array<[string, Row[]]> = []) {}

  private answer(statement: Statement): Row[] {
    this.statements.push(statement);
    return this.answers.find(([text]) => statement.cypher.includes(text))?.[1] ?? [];
  }

  scope(): DbScope {
    return {
      roundTrips: 0,
      writtenVersion: undefined,
      read: async (cypher, params = {}) => this.answer({ mode: 'READ', cypher, params }),
      each: async (cypher, params, onRow) => {
        const rows = this.answer({ mode: 'READ', cypher, params });
        for (const row of rows) onRow(row);
        return rows.length;
      },
      // Statements stamped with the data version run after the work, as the database runs them after its bump.
      write: async (work) => {
        const stamps: Statement[] = [];
        const result = await work({
          run: async (cypher, params = {}) => this.answer({ mode: 'WRITE', cypher, params }),
          stampVersion: (cypher, params = {}) =>
            void stamps.push({ mode: 'WRITE', cypher, params: { ...params, version: '<new version>' } }),
        });
        for (const stamp of stamps) this.answer(stamp);
        return result;
      },
    };
  }

  /** The statements as a snapshot shows them: mode, Cypher as sent, parameters as JSON (Neo4j integers marked). */
  get sent(): string {
    const params = (value: Params) =>
      JSON.stringify(value, (_key, v: unknown) => (neo4j.isInt(v) ? `int(${(v as { toNumber(): number }).toNumber()})` : v), 2);
    return this.statements.map((s) => `${s.mode}\n${s.cypher}\nPARAMS ${params(s.params)}`).join('\n\n');
  }
}

/** A selection of some fields of one kind (id always), as the GraphQL layer would derive it. */
export function fieldsOf(type: EntityType, ...fields: string[]): Selection {
  const selection = emptyEntitySelection();
  for (const field of fields) selection.fields.add(field);
  return { [type]: selection };
}

/** A graph of one source, one model, one organization, one citation and one relationship, in the writers' rows. */
export function tinyGraphRows(): GraphRows {
  const entities = Object.fromEntries(ENTITY_TYPES.map((type) => [type, []])) as unknown as GraphRows['entities'];
  const relationships = Object.fromEntries(RELATION_TYPES.map((type) => [type, []])) as unknown as GraphRows['relationships'];
  entities.MODEL.push({
    id: 'gpt-4',
    name: 'GPT-4',
    aliases: ['gpt4'],
    aliasText: 'gpt4',
    description: null,
    props: { releaseDate: '2023-03' },
  });
  entities.ORGANIZATION.push({ id: 'openai', name: 'OpenAI', aliases: [], aliasText: '', description: null, props: { country: 'US' } });
  relationships.DEVELOPED_BY.push({
    id: 'gpt-4:DEVELOPED_BY:openai',
    from: 'gpt-4',
    to: 'openai',
    kind: null,
    citationSources: ['src-001'],
    citationQuotes: ['OpenAI 发布了 GPT-4'],
    citationNotes: [''],
    citationConfidences: [1],
    confidence: 1,
  });
  return {
    sources: [{ id: 'src-001', title: 'Document one', file: 'one.txt', url: null, author: null, date: null }],
    entities,
    citations: [
      {
        entityId: 'gpt-4',
        sourceId: 'src-001',
        ordinal: 0,
        quote: 'GPT-4 于 2023 年 3 月发布',
        note: null,
        confidence: 1,
        attribute: 'releaseDate',
        value: '"2023-03"',
        rank: null,
        reason: null,
        hedged: null,
      },
    ],
    relationships,
  };
}

/** The tiny graph and a benchmark GPT-4 has a result on: a statement relationship, with its key and the registry's properties. */
export function tinyGraphRowsWithResult(): GraphRows {
  const rows = tinyGraphRows();
  rows.entities.BENCHMARK.push({ id: 'mmlu', name: 'MMLU', aliases: [], aliasText: '', description: null, props: { scale: 'FRACTION' } });
  rows.relationships.SCORED_ON.push({
    id: 'gpt-4:SCORED_ON:mmlu:epoch-run-1',
    from: 'gpt-4',
    to: 'mmlu',
    kind: null,
    citationSources: ['src-001'],
    citationQuotes: [''],
    citationNotes: ['Epoch AI run 1'],
    citationConfidences: [0.9],
    confidence: 0.9,
    key: 'epoch-run-1',
    props: { score: '86.4%', value: 0.864, shots: 5, selfReported: false, measuredBy: 'Epoch AI' },
  });
  return rows;
}
