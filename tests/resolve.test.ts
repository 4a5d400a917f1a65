import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EntityType, RelationType } from '../src/domain/registry.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import type { CitationRow, GraphRows, RelationshipRow } from '../src/seed/graph-rows.js';
import type { Service } from '../src/service.js';
import { deleteWrittenEntities } from './helpers/database.js';
import { fingerprintDiff, graphFingerprint } from './helpers/fingerprint.js';
import { graphql, startTestService } from './helpers/service.js';

// `npm run resolve` on the run's graph: two nodes for one model are reported, merged (one node, the
// other's names as aliases, its relationships and citations moved, a redirect from its id, the merge
// in the history) and the merge undone, back to the graph as it was. The entities are removed after.

const run = promisify(execFile);
let service: Service;
const dir = mkdtempSync(path.join(tmpdir(), 'resolve-'));
const decisions = path.join(dir, 'resolution.json');
writeFileSync(
  decisions,
  JSON.stringify({
    decisions: [{ decision: 'same', kind: 'MODEL', id: 'rz-zeta', other: 'rz-zeta-7b', reason: 'one model under two names (test)' }],
  }),
);

const resolve = async (...args: string[]) => {
  const { stdout } = await run(process.execPath, ['dist/scripts/resolve.js', ...args, '--decisions', decisions, '--json'], {
    env: { PATH: process.env.PATH ?? '', NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), LOG_LEVEL: 'warn' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
};

const citation = (entityId: string, ordinal: number, extra: Partial<CitationRow> = {}): CitationRow => ({
  entityId,
  sourceId: 'src-002',
  ordinal,
  quote: 'OpenAI 发布了 GPT-2 模型',
  note: null,
  confidence: 1,
  attribute: null,
  value: null,
  rank: null,
  reason: null,
  hedged: null,
  ...extra,
});
const relationship = (from: string, type: RelationType, to: string): RelationshipRow => ({
  id: `${from}:${type}:${to}`,
  from,
  to,
  kind: null,
  citationSources: ['src-002'],
  citationQuotes: ['OpenAI 发布了 GPT-2 模型'],
  citationNotes: [''],
  citationConfidences: [1],
  confidence: 1,
});

function twoNodesForOneModel(): GraphRows {
  const rows = {
    sources: [],
    entities: Object.fromEntries(Object.values(EntityType).map((t) => [t, []])),
    citations: [
      citation('rz-zeta', 0),
      citation('rz-zeta', 1, { attribute: 'releaseDate', value: '"2023"' }),
      citation('rz-zeta-7b', 0, { quote: null, note: 'a second source' }),
      citation('rz-zeta-7b', 1, { attribute: 'parameters', value: '7000000000', confidence: 0.5 }),
    ],
    relationships: Object.fromEntries(Object.values(RelationType).map((t) => [t, []])),
  } as unknown as GraphRows;
  const model = (id: string, name: string, aliases: string[]) => ({
    id,
    name,
    aliases,
    aliasText: aliases.join(' | '),
    description: null,
    props: {},
  });
  rows.entities.MODEL.push(
    { ...model('rz-zeta', 'Zeta LM', []), props: { releaseDate: '2023' } },
    { ...model('rz-zeta-7b', 'Zeta-LM (7B)', ['ZetaLM']), props: { parameters: 7e9 } },
  );
  rows.relationships.DEVELOPED_BY.push(relationship('rz-zeta', RelationType.DEVELOPED_BY, 'openai'));
  rows.relationships.DEVELOPED_BY.push(relationship('rz-zeta-7b', RelationType.DEVELOPED_BY, 'openai'));
  rows.relationships.USES.push(relationship('rz-zeta-7b', RelationType.USES, 'transformer'));
  return rows;
}

let original: Record<string, string[]>;
beforeAll(async () => {
  service = await startTestService({ REQUEST_TIMEOUT_MS: '60000' });
  original = await graphFingerprint(service.database);
  await new SeedRepository(service.database).write(twoNodesForOneModel());
}, 120_000);
afterAll(async () => {
  await deleteWrittenEntities(service.database, 'rz-');
  await service.database.scope().write((tx) => tx.run("MATCH (r:Redirect) WHERE r.id STARTS WITH 'rz-' DELETE r"));
  expect(fingerprintDiff(await graphFingerprint(service.database), original)).toEqual({});
  await service.stop();
});

describe('npm run resolve', { timeout: 180_000 }, () => {
  let written: Record<string, string[]>;

  it('reports the pair with its evidence and decision', async () => {
    written = await graphFingerprint(service.database);
    const report = (await resolve('--report')) as { pairs: Array<Record<string, unknown>>; namesakes: unknown[] };
    const pair = report.pairs.find((p) => (p.a as { id: string }).id === 'rz-zeta');
    expect(pair).toMatchObject({
      kind: 'MODEL',
      b: { id: 'rz-zeta-7b', name: 'Zeta-LM (7B)' },
      accepted: true,
      decision: { decision: 'same' },
      evidence: expect.arrayContaining([expect.stringContaining('same developer (openai)')]),
    });
  });

  it('merges it: one node with both names, all relationships and citations, a redirect and a history entry', async () => {
    expect(await resolve('--apply')).toEqual({ merged: [{ keep: 'rz-zeta', drop: 'rz-zeta-7b' }] });
    const { data, errors } = await graphql<{
      model: { id: string; aliases: string[]; parameters: number; releaseDate: string; techniques: Array<{ id: string }> };
      history: Array<{ action: string; otherId: string }>;
    }>(
      service.url,
      `{ model(id: "rz-zeta-7b") { id aliases parameters releaseDate techniques { id } }
         history(entityId: "rz-zeta") { action otherId } }`,
    );
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    expect(data!.model).toEqual({
      id: 'rz-zeta',
      aliases: ['Zeta-LM (7B)', 'ZetaLM'],
      parameters: 7e9,
      releaseDate: '2023',
      techniques: [{ id: 'transformer' }],
    });
    expect(data!.history).toContainEqual({ action: 'MERGE', otherId: 'rz-zeta-7b' });
    const [counts] = await service.database
      .scope()
      .read(
        "MATCH (m:Model {id: 'rz-zeta'}) RETURN COUNT { (m)-[:CITES]->() } AS citations, COUNT { (m)-[:DEVELOPED_BY]->() } AS developers",
      );
    // Both nodes' four citations; one DEVELOPED_BY, whose citation both held once.
    expect(counts).toEqual({ citations: 4, developers: 1 });
    // Nothing is left to merge.
    expect(await resolve('--apply')).toEqual({ merged: [] });
  });

  it('undoes it: the graph is as it was before the merge', async () => {
    await run(process.execPath, ['dist/scripts/resolve.js', '--undo', 'rz-zeta-7b', '--decisions', decisions], {
      env: { PATH: process.env.PATH ?? '', NEO4J_URI: inject('neo4jUri'), NEO4J_PASSWORD: inject('neo4jPassword'), LOG_LEVEL: 'warn' },
    });
    expect(fingerprintDiff(await graphFingerprint(service.database), written)).toEqual({});
  });
});
