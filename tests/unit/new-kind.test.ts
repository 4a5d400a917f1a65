import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLObjectType, printType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as registry from '../../src/domain/registry.js';

// Adding an entity kind should take one registry entry and a seed file. This file adds a throwaway
// kind, Corpus, with a relationship from models, to this test's own copy of the registry (vitest
// gives each file its own module graph) before any other layer is loaded, then checks that every
// layer picks it up: GraphQL types, queries, inputs and mutations, projection tables, Cypher names,
// migrations, seed and curation validation, seed files, export and GraphML keys.

const CORPUS = 'CORPUS' as registry.EntityType;
const EVALUATED_ON = 'EVALUATED_ON' as registry.RelationType;
Object.assign(registry.EntityType, { CORPUS });
(registry.ENTITY_TYPES as string[]).push(CORPUS);
registry.KINDS[CORPUS] = {
  label: 'Corpus',
  typeName: 'Corpus',
  description: 'A body of text models are evaluated on.',
  singular: 'corpus',
  plural: 'corpora',
  listDescription: 'Corpora by name, a page at a time.',
  seedFile: 'corpora.json',
  properties: {
    license: { value: z.string().min(1), scalar: 'String', description: 'SPDX identifier.' },
    tokens: { value: z.number().min(1), scalar: 'Float', claimable: true },
  },
};
Object.assign(registry.RelationType, { EVALUATED_ON });
(registry.RELATION_TYPES as string[]).push(EVALUATED_ON);
registry.RELATIONS[EVALUATED_ON] = {
  from: registry.EntityType.MODEL,
  to: CORPUS,
  outField: { name: 'evaluatedOn' },
  inField: { name: 'evaluatedModels' },
  acyclic: true,
};

describe('a kind added to the registry alone', () => {
  it('gets its GraphQL type, queries, connection, input and mutation', async () => {
    const { createSchema } = await import('../../src/graphql/schema.js');
    const schema = await createSchema();
    const corpus = schema.getType('Corpus');
    expect(corpus).toBeInstanceOf(GraphQLObjectType);
    const sdl = printType(corpus!);
    expect(sdl).toContain('type Corpus implements Entity');
    expect(sdl).toContain('license: String');
    expect(sdl).toContain('tokens: Float');
    expect(sdl).toContain('claims: [AttributeClaim!]!');
    expect(sdl).toContain('evaluatedModels: [Model!]!');
    expect(printType(schema.getType('Model')!)).toContain('evaluatedOn: [Corpus!]!');
    const query = schema.getQueryType()!.getFields();
    expect(String(query.corpus?.type)).toBe('Corpus');
    expect(String(query.corpora?.type)).toBe('CorpusConnection!');
    expect(printType(schema.getType('CorpusInput')!)).toContain('license: String');
    expect(String(schema.getMutationType()!.getFields().upsertCorpus?.type)).toBe('Corpus!');
    expect(printType(schema.getType('EntityType')!)).toContain('CORPUS');
    expect(printType(schema.getType('RelationType')!)).toContain('EVALUATED_ON');
  });

  it('gets its projection tables, Cypher names and migrations', async () => {
    const { PROPERTY_FIELDS, RELATION_FIELDS } = await import('../../src/domain/relation-fields.js');
    const { label, relType } = await import('../../src/domain/graph-model.js');
    const { ProjectionCompiler } = await import('../../src/repositories/projection.cypher.js');
    const { emptyEntitySelection } = await import('../../src/domain/selection.js');
    const { SCHEMA_ITEMS } = await import('../../src/db/migrations.js');
    expect([...PROPERTY_FIELDS[CORPUS]]).toEqual(['id', 'name', 'aliases', 'description', 'license', 'tokens']);
    expect(RELATION_FIELDS[CORPUS].evaluatedModels).toMatchObject({ type: EVALUATED_ON, direction: 'IN', target: 'MODEL' });
    expect(label(CORPUS)).toBe('Corpus');
    expect(relType(EVALUATED_ON)).toBe('EVALUATED_ON');
    const selection = emptyEntitySelection();
    selection.fields.add('license');
    selection.relations.set('evaluatedModels', { target: { MODEL: emptyEntitySelection() }, citations: false });
    expect(new ProjectionCompiler().entity('n', { [CORPUS]: selection })).toContain('MATCH (n)<-[r1:EVALUATED_ON]-(x2:Model)');
    expect(SCHEMA_ITEMS.map((item) => item.name)).toContain('corpus_id_unique');
  });

  it('is validated, loaded, exported and written to GraphML like the others', async () => {
    const { INPUT_RULES } = await import('../../src/domain/input-rules.js');
    const { readDataset, validateDataset } = await import('../../src/seed/dataset.js');
    const { toGraphRows } = await import('../../src/seed/graph-rows.js');
    const { formatDataset, rowsToDataset } = await import('../../src/seed/seed-files.js');
    const { toExportedGraph } = await import('../../src/seed/graph-export.js');
    const { toGraphML } = await import('../../src/seed/graphml.js');

    expect(INPUT_RULES[CORPUS].safeParse({ id: 'pile', name: 'The Pile', license: '', citation: {} }).success).toBe(false);

    const dir = mkdtempSync(path.join(tmpdir(), 'new-kind-'));
    const url = 'https://example.org/the-pile';
    const files: Record<string, unknown> = {
      'sources.json': [],
      'models.json': [{ id: 'gpt-neo', name: 'GPT-Neo', aliases: [], description: 'A model.', mentions: [{ url, quote: 'GPT-Neo' }] }],
      'organizations.json': [],
      'techniques.json': [],
      'limitations.json': [],
      'datasets.json': [],
      'products.json': [],
      'series.json': [],
      'offerings.json': [],
      'benchmarks.json': [],
      'corpora.json': [
        {
          id: 'the-pile',
          name: 'The Pile',
          aliases: ['Pile'],
          description: 'An 825 GiB corpus.',
          license: 'MIT',
          mentions: [{ url, quote: 'The Pile' }],
          claims: [{ attribute: 'tokens', value: 3e11, url, quote: 'about 300B tokens' }],
        },
      ],
    };
    for (const [file, value] of Object.entries(files)) writeFileSync(path.join(dir, file), JSON.stringify(value));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'relationships'));
    writeFileSync(
      path.join(dir, 'relationships/evaluated_on.json'),
      JSON.stringify([{ from: 'gpt-neo', to: 'the-pile', citations: [{ url, quote: 'evaluated on the Pile' }] }]),
    );

    const { dataset, problems } = readDataset(dir);
    expect([...problems, ...validateDataset(dataset, dir)]).toEqual([]);
    const rows = toGraphRows(dataset);
    expect(rows.entities[CORPUS]![0]).toMatchObject({ id: 'the-pile', props: { license: 'MIT', tokens: 3e11 } });
    expect(rows.relationships[EVALUATED_ON]).toHaveLength(1);
    const written = formatDataset(rowsToDataset(rows));
    expect(JSON.parse(written.get('corpora.json')!)).toEqual(files['corpora.json']);
    expect(written.has('relationships/evaluated_on.json')).toBe(true);
    const xml = toGraphML(toExportedGraph(rows));
    expect(xml).toContain('<key id="license" for="node" attr.name="license" attr.type="string"/>');
    expect(xml).toContain('<data key="type">CORPUS</data>');
    expect(xml).toContain('<data key="relation">EVALUATED_ON</data>');

    // The acyclic flag reaches the shared write rules (seed validation and curation).
    const { isAcyclic } = await import('../../src/domain/write-rules.js');
    expect(isAcyclic(EVALUATED_ON)).toBe(true);
    expect(registry.acyclicRelations()).toContain(EVALUATED_ON);
  });
});
