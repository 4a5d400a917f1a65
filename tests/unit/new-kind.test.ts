import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GraphQLObjectType, printType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as registry from '../../src/domain/registry.js';

// Adding an entity kind should take one registry entry and a seed file. This file adds a throwaway
// kind, Dataset, with a relationship from models, to this test's own copy of the registry (vitest
// gives each file its own module graph) before any other layer is loaded, then checks that every
// layer picks it up: GraphQL types, queries, inputs and mutations, projection tables, Cypher names,
// migrations, seed and curation validation, seed files, export and GraphML keys.

const DATASET = 'DATASET' as registry.EntityType;
const TRAINED_ON = 'TRAINED_ON' as registry.RelationType;
Object.assign(registry.EntityType, { DATASET });
(registry.ENTITY_TYPES as string[]).push(DATASET);
registry.KINDS[DATASET] = {
  label: 'Dataset',
  typeName: 'Dataset',
  description: 'A corpus models are trained on.',
  singular: 'dataset',
  plural: 'datasets',
  listDescription: 'Datasets by name, a page at a time.',
  seedFile: 'datasets.json',
  properties: {
    license: { value: z.string().min(1), scalar: 'String', description: 'SPDX identifier.' },
    tokens: { value: z.number().min(1), scalar: 'Float', claimable: true },
  },
};
Object.assign(registry.RelationType, { TRAINED_ON });
(registry.RELATION_TYPES as string[]).push(TRAINED_ON);
registry.RELATIONS[TRAINED_ON] = {
  from: registry.EntityType.MODEL,
  to: DATASET,
  outField: { name: 'trainingData' },
  inField: { name: 'trainedModels' },
  acyclic: true,
};

describe('a kind added to the registry alone', () => {
  it('gets its GraphQL type, queries, connection, input and mutation', async () => {
    const { createSchema } = await import('../../src/graphql/schema.js');
    const schema = await createSchema();
    const dataset = schema.getType('Dataset');
    expect(dataset).toBeInstanceOf(GraphQLObjectType);
    const sdl = printType(dataset!);
    expect(sdl).toContain('type Dataset implements Entity');
    expect(sdl).toContain('license: String');
    expect(sdl).toContain('tokens: Float');
    expect(sdl).toContain('claims: [AttributeClaim!]!');
    expect(sdl).toContain('trainedModels: [Model!]!');
    expect(printType(schema.getType('Model')!)).toContain('trainingData: [Dataset!]!');
    const query = schema.getQueryType()!.getFields();
    expect(String(query.dataset?.type)).toBe('Dataset');
    expect(String(query.datasets?.type)).toBe('DatasetConnection!');
    expect(printType(schema.getType('DatasetInput')!)).toContain('license: String');
    expect(String(schema.getMutationType()!.getFields().upsertDataset?.type)).toBe('Dataset!');
    expect(printType(schema.getType('EntityType')!)).toContain('DATASET');
    expect(printType(schema.getType('RelationType')!)).toContain('TRAINED_ON');
  });

  it('gets its projection tables, Cypher names and migrations', async () => {
    const { PROPERTY_FIELDS, RELATION_FIELDS } = await import('../../src/domain/relation-fields.js');
    const { label, relType } = await import('../../src/domain/graph-model.js');
    const { ProjectionCompiler } = await import('../../src/repositories/projection.cypher.js');
    const { emptyEntitySelection } = await import('../../src/domain/selection.js');
    const { SCHEMA_ITEMS } = await import('../../src/db/migrations.js');
    expect([...PROPERTY_FIELDS[DATASET]]).toEqual(['id', 'name', 'aliases', 'description', 'license', 'tokens']);
    expect(RELATION_FIELDS[DATASET].trainedModels).toMatchObject({ type: TRAINED_ON, direction: 'IN', target: 'MODEL' });
    expect(label(DATASET)).toBe('Dataset');
    expect(relType(TRAINED_ON)).toBe('TRAINED_ON');
    const selection = emptyEntitySelection();
    selection.fields.add('license');
    selection.relations.set('trainedModels', { target: { MODEL: emptyEntitySelection() }, citations: false });
    expect(new ProjectionCompiler().entity('n', { [DATASET]: selection })).toContain('MATCH (n)<-[r1:TRAINED_ON]-(x2:Model)');
    expect(SCHEMA_ITEMS.map((item) => item.name)).toContain('dataset_id_unique');
  });

  it('is validated, loaded, exported and written to GraphML like the others', async () => {
    const { INPUT_RULES } = await import('../../src/curation/input-rules.js');
    const { readDataset, validateDataset } = await import('../../src/seed/dataset.js');
    const { toGraphRows } = await import('../../src/seed/graph-rows.js');
    const { formatDataset, rowsToDataset } = await import('../../src/seed/seed-files.js');
    const { toExportedGraph } = await import('../../src/seed/graph-export.js');
    const { toGraphML } = await import('../../src/seed/graphml.js');

    expect(INPUT_RULES[DATASET].safeParse({ id: 'pile', name: 'The Pile', license: '', citation: {} }).success).toBe(false);

    const dir = mkdtempSync(path.join(tmpdir(), 'new-kind-'));
    const url = 'https://example.org/the-pile';
    const files: Record<string, unknown> = {
      'sources.json': [],
      'models.json': [{ id: 'gpt-neo', name: 'GPT-Neo', aliases: [], description: 'A model.', mentions: [{ url, quote: 'GPT-Neo' }] }],
      'organizations.json': [],
      'techniques.json': [],
      'limitations.json': [],
      'products.json': [],
      'datasets.json': [
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
      path.join(dir, 'relationships/trained_on.json'),
      JSON.stringify([{ from: 'gpt-neo', to: 'the-pile', citations: [{ url, quote: 'trained on the Pile' }] }]),
    );

    const { dataset, problems } = readDataset(dir);
    expect([...problems, ...validateDataset(dataset, dir)]).toEqual([]);
    const rows = toGraphRows(dataset);
    expect(rows.entities[DATASET]![0]).toMatchObject({ id: 'the-pile', props: { license: 'MIT', tokens: 3e11 } });
    expect(rows.relationships[TRAINED_ON]).toHaveLength(1);
    const written = formatDataset(rowsToDataset(rows));
    expect(JSON.parse(written.get('datasets.json')!)).toEqual(files['datasets.json']);
    expect(written.has('relationships/trained_on.json')).toBe(true);
    const xml = toGraphML(toExportedGraph(rows));
    expect(xml).toContain('<key id="license" for="node" attr.name="license" attr.type="string"/>');
    expect(xml).toContain('<data key="type">DATASET</data>');
    expect(xml).toContain('<data key="relation">TRAINED_ON</data>');

    // The acyclic flag reaches the shared write rules (seed validation and curation).
    const { isAcyclic } = await import('../../src/domain/write-rules.js');
    expect(isAcyclic(TRAINED_ON)).toBe(true);
    expect(registry.acyclicRelations()).toContain(TRAINED_ON);
  });
});
