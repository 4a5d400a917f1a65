import { cpSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, planAgainstDatabase } from '../src/import/apply-import.js';
import { readModelsDev } from '../src/import/formats/models-dev.js';
import { WITHDRAWN_PREFIX } from '../src/import/refresh.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { Decisions } from '../src/resolve/decisions.js';
import { seedDatabase } from '../src/seed/load.js';
import { formatDataset, rowsToDataset, writeDatasetFiles } from '../src/seed/seed-files.js';
import { fingerprintDiff, graphFingerprint } from './helpers/fingerprint.js';
import { importService } from './helpers/import-service.js';
import { graphql } from './helpers/service.js';

// A refresh on real changes: the models.dev snapshot of 2026-06-20 (a subset: every canonical model,
// three providers' offerings; tests/fixtures/models-dev/), then the same subset of the vendored one of
// 2026-07-02. The dry run shows the rows added, changed, moved and gone; applied, a changed price is a
// new preferred claim with the old one kept, a gone offering is withdrawn (not deleted), a moved one stays
// one node; importing the newer snapshot again changes nothing.

const running = importService();
const decisions = Decisions.read();
const OLDER = 'tests/fixtures/models-dev/2026-06-20';
const PROVIDERS = ['anthropic', 'chutes', 'siliconflow'];

/** The subset of the vendored 2026-07-02 snapshot the fixture holds of 2026-06-20, in a folder named by its date. */
function newerSubset(): string {
  const source = 'catalogues/models-dev/2026-07-02';
  const target = path.join(mkdtempSync(path.join(tmpdir(), 'models-dev-')), '2026-07-02');
  cpSync(path.join(source, 'models'), path.join(target, 'models'), { recursive: true });
  for (const provider of readdirSync(path.join(source, 'providers'))) {
    mkdirSync(path.join(target, 'providers', provider), { recursive: true });
    cpSync(path.join(source, 'providers', provider, 'provider.toml'), path.join(target, 'providers', provider, 'provider.toml'));
  }
  for (const provider of PROVIDERS)
    cpSync(path.join(source, 'providers', provider, 'models'), path.join(target, 'providers', provider, 'models'), { recursive: true });
  return target;
}
const NEWER = newerSubset();

const idOfRow = (rows: Array<{ rowKey: string; id: string }>, rowKey: string) => rows.find((r) => r.rowKey === rowKey)!.id;

describe('refreshing models.dev from its 2026-06-20 snapshot to its 2026-07-02 one', { timeout: 600_000 }, () => {
  it('imports the older snapshot dated by its folder, and the dry run of the newer one shows what changed', async () => {
    const older = await applyImport(running.db, 'models-dev', OLDER, readModelsDev(OLDER), decisions);
    expect(older.refresh.snapshot).toBe('2026-06-20');
    expect(older.refresh.added.length).toBe(older.plan.rows.length);

    const { refresh } = await planAgainstDatabase(running.db, 'models-dev', NEWER, readModelsDev(NEWER), decisions);
    expect(refresh).toMatchObject({ snapshot: '2026-07-02', older: false });
    expect(Object.keys(refresh.held)).toEqual(['2026-06-20']);
    expect(refresh.added.map((a) => a.rowKey)).toEqual(
      expect.arrayContaining(['models/anthropic/claude-sonnet-5.toml', 'providers/chutes/models/zai-org/GLM-5.2-TEE.toml']),
    );
    expect(refresh.changed).toContainEqual({
      rowKey: 'providers/chutes/models/Qwen/Qwen3-32B-TEE.toml',
      id: expect.any(String),
      values: [
        { attribute: 'cacheReadPrice', from: 0.04, to: 0.052 },
        { attribute: 'inputPrice', from: 0.08, to: 0.104 },
        { attribute: 'outputPrice', from: 0.24, to: 0.416 },
      ],
    });
    expect(refresh.moved).toContainEqual({
      id: expect.any(String),
      from: 'providers/siliconflow/models/deepseek-ai/deepseek-v4-pro.toml',
      to: 'providers/siliconflow/models/deepseek-ai/DeepSeek-V4-Pro.toml',
    });
    expect(refresh.gone.map((g) => g.rowKey)).toEqual(
      expect.arrayContaining([
        'providers/anthropic/models/claude-3-5-haiku-20241022.toml',
        'providers/chutes/models/Qwen/Qwen3-30B-A3B.toml',
      ]),
    );
    // Nothing is written by a dry run.
    const again = await planAgainstDatabase(running.db, 'models-dev', NEWER, readModelsDev(NEWER), decisions);
    expect(again.refresh.changed.length).toBe(refresh.changed.length);
  });

  it('applied: a changed value is a new preferred claim, the older kept with its snapshot; gone is withdrawn; moved is one node', async () => {
    const newer = await applyImport(running.db, 'models-dev', NEWER, readModelsDev(NEWER), decisions);
    const { rows, toCreate } = newer.plan;
    const changed = idOfRow(rows, 'providers/chutes/models/Qwen/Qwen3-32B-TEE.toml');
    const moved = newer.refresh.moved.find((m) => m.to.endsWith('DeepSeek-V4-Pro.toml'))!.id;
    const gone = newer.refresh.gone.find((g) => g.rowKey === 'providers/anthropic/models/claude-3-5-haiku-20241022.toml')!.id;
    expect(toCreate.map((e) => e.id)).not.toContain(moved);

    const { data } = await graphql<{
      changed: {
        inputPrice: number;
        claims: Array<{ attribute: string; value: string; rank: string; reason: string | null; source: { date: string } }>;
      };
      gone: { status: string; claims: Array<{ attribute: string; value: string; note: string | null; source: { date: string } }> };
      moved: { sources: Array<{ locator: { row: string } | null }> };
      chutes: { totalCount: number };
      withWithdrawn: { totalCount: number };
      dataVersion: { sources: Array<{ catalogue: string | null; date: string; retrieved: string | null }> };
    }>(
      running.service.url,
      `query ($changed: ID!, $gone: ID!, $moved: ID!) {
         changed: offering(id: $changed) { inputPrice claims { attribute value rank reason source { date } } }
         gone: offering(id: $gone) { status claims { attribute value note source { date } } }
         moved: offering(id: $moved) { sources { locator { row } } }
         chutes: offerings(where: {provider: "Chutes"}) { totalCount }
         withWithdrawn: offerings(where: {provider: "Chutes", includeWithdrawn: true}) { totalCount }
         dataVersion { sources { catalogue date retrieved } }
       }`,
      { changed, gone, moved },
    );
    const prices = data!.changed.claims.filter((c) => c.attribute === 'inputPrice');
    expect(data!.changed.inputPrice).toBe(0.104);
    expect(prices).toEqual(
      expect.arrayContaining([
        { attribute: 'inputPrice', value: '0.104', rank: 'NORMAL', reason: null, source: { date: '2026-07-02' } },
        {
          attribute: 'inputPrice',
          value: '0.08',
          rank: 'DEPRECATED',
          reason: expect.stringMatching(
            /^superseded by the snapshot of 2026-07-02 \(catalogue-models-dev-[0-9a-f]{12}\), which gives 0\.104$/,
          ),
          source: { date: '2026-06-20' },
        },
      ]),
    );
    expect(data!.gone.status).toBe('WITHDRAWN');
    expect(data!.gone.claims).toContainEqual({
      attribute: 'status',
      value: '"WITHDRAWN"',
      note: expect.stringMatching(
        new RegExp(`^${WITHDRAWN_PREFIX} providers/anthropic/models/claude-3-5-haiku-20241022.toml is not in the snapshot of 2026-07-02`),
      ),
      source: { date: '2026-07-02' },
    });
    expect(data!.moved.sources.map((s) => s.locator?.row)).toEqual(
      expect.arrayContaining([
        'providers/siliconflow/models/deepseek-ai/deepseek-v4-pro.toml',
        'providers/siliconflow/models/deepseek-ai/DeepSeek-V4-Pro.toml',
      ]),
    );
    // Withdrawn offerings stay in the graph, out of the lists unless asked for.
    expect(data!.withWithdrawn.totalCount).toBeGreaterThan(data!.chutes.totalCount);
    expect(data!.dataVersion.sources.filter((s) => s.catalogue === 'models-dev').map((s) => s.date)).toEqual(['2026-07-02', '2026-06-20']);
  });

  it('lists a model’s offerings cheapest first', async () => {
    const [served] = await running.db
      .scope()
      .read(
        "MATCH (m:Model)<-[:SERVES]-(o:Offering) WHERE o.status <> 'WITHDRAWN' RETURN m.id AS id, count(o) AS n ORDER BY n DESC, id LIMIT 1",
      );
    const { data } = await graphql<{ offerings: { edges: Array<{ node: { inputPrice: number | null; serves: Array<{ id: string }> } }> } }>(
      running.service.url,
      'query ($model: ID!) { offerings(where: {model: $model}, first: 50) { edges { node { inputPrice serves { id } } } } }',
      { model: served!.id },
    );
    const prices = data!.offerings.edges.map((e) => e.node.inputPrice ?? Number.POSITIVE_INFINITY);
    expect(prices.length).toBeGreaterThan(1);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(data!.offerings.edges.every((e) => e.node.serves.some((m) => m.id === served!.id))).toBe(true);
  });

  it('dates an offering by the first snapshot listing it in as-of graphs', async () => {
    const ask = async (asOf: string) => {
      const { data } = await graphql<{ neighborhood: { nodes: Array<{ id: string; type: string }> } }>(
        running.service.url,
        'query ($asOf: String) { neighborhood(ids: ["glm-5-2"], asOf: $asOf, types: [SERVES]) { nodes { id type } } }',
        { asOf },
      );
      return data!.neighborhood.nodes.filter((n) => n.type === 'OFFERING').map((n) => n.id);
    };
    // GLM-5.2 (2026-06-13) is served by Chutes only from the 2026-07-02 snapshot on.
    const chutes = (await ask('2026-07-02')).filter((id) => id.endsWith('chutes'));
    expect(chutes.length).toBe(1);
    expect(await ask('2026-06-25')).not.toContain(chutes[0]);
  });

  it('changes nothing when the same snapshot is imported again', async () => {
    const before = await graphFingerprint(running.db);
    const again = await applyImport(running.db, 'models-dev', NEWER, readModelsDev(NEWER), decisions);
    expect(again.refresh).toMatchObject({ added: [], changed: [], moved: [], gone: [] });
    expect(again.plan.toCreate).toEqual([]);
    expect(await graphFingerprint(running.db)).toEqual(before);
  });

  it('exports what a refresh wrote into the seed format, and reloads it into an equal graph', async () => {
    const exported = await graphFingerprint(running.db);
    const dir = mkdtempSync(path.join(tmpdir(), 'refresh-export-'));
    writeDatasetFiles(formatDataset(rowsToDataset(await new SeedRepository(running.db).read())), dir);
    symlinkSync(path.resolve('seed/documents'), path.join(dir, 'documents'));
    await new SeedRepository(running.db).reset();
    await seedDatabase(running.db, { dir });
    expect(fingerprintDiff(await graphFingerprint(running.db), exported)).toEqual({});
  });
});
