import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyImport } from '../src/import/apply-import.js';
import { formatOf } from '../src/import/formats.js';
import { renderText, summarise } from '../src/import/report.js';
import { Decisions } from '../src/resolve/decisions.js';
import { QualityRule } from '../src/quality/facts.js';
import { runQualityPass } from '../src/quality/pass.js';
import { SeedRepository } from '../src/repositories/seed.repository.js';
import { toExportedGraph } from '../src/seed/graph-export.js';
import { toGraphML } from '../src/seed/graphml.js';
import { importService } from './helpers/import-service.js';
import { graphql } from './helpers/service.js';

// A catalogue snapshot holding one error of each kind the rules catch, imported over the documents'
// graph (restored afterwards): the values stay as claims, are listed by dataQuality with their reasons,
// and are never served as facts — nor are the documents' rumours (GPT-4's 1.8T).

const running = importService();
const dir = mkdtempSync(path.join(tmpdir(), 'data-quality-'));
const snapshot = path.join(dir, 'epoch.csv');
writeFileSync(
  snapshot,
  `Model,Domain,Organization,Publication date,Link,Parameters,Parameters notes,Training dataset,Model accessibility,Base model,Finetune compute (FLOP),Finetune compute notes
Llama 2-70B,Language,Meta AI,2023-07-18,,70000000000.0,,,Open weights (restricted use),,,
Llama 2-7B,Language,Meta AI,2023-07-18,,70000000000.0,,,Open weights (restricted use),,,
WizardLM 70B,Language,Microsoft,2023-04-24,,70000000000.0,,,Open weights (restricted use),Llama 2-70B,,
Swallow,Language,Tokyo Institute of Technology,2023-12-19,,70000000.0,,,Open weights (unrestricted),Llama 2-70B,1e21,
o1-mini,Language,OpenAI,2024-09-12,,,,,API access,,,
o3-mini,Language,OpenAI,2024-01-31,,,,,API access,,,
Doubao-pro,Language,ByteDance,2024-05-15,,500000000000.0,"[Speculative] Doubao has scaled up to 800 billion parameters",,API access,,,
Far Future LM,Language,Acme Labs,2099-01-01,,,,,API access,,,
BERT,Language,Google,2018-10-11,,,,,,,,
`,
);
const EXPECTED = [
  ['doubao-pro', QualityRule.HEDGED_WORDS],
  ['far-future-lm', QualityRule.AFTER_SOURCE_DATE],
  ['llama-2-7b', QualityRule.SIZE_IN_NAME],
  ['o3-mini', QualityRule.VERSION_ORDER],
  ['swallow', QualityRule.SIZE_VS_PARENT],
  ['wizardlm-70b', QualityRule.BEFORE_PARENT],
];

type Issue = { entityId: string; attribute: string; value: string; rule: string; reason: string; shownInstead: string | null };
type Issues = {
  dataQuality: {
    totalCount: number;
    byRule: Array<{ rule: string; count: number }>;
    edges: Array<{ cursor: string; node: Issue }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};
const ISSUES = `query($where: DataQualityFilter, $first: Int!, $after: String) {
  dataQuality(where: $where, first: $first, after: $after) {
    totalCount byRule { rule count } pageInfo { hasNextPage endCursor }
    edges { cursor node { entityId attribute value rule reason shownInstead source { id } } } } }`;

let applied: Awaited<ReturnType<typeof applyImport>>;
beforeAll(async () => {
  applied = await applyImport(running.db, 'epoch-csv', snapshot, formatOf('epoch-csv').read(snapshot), Decisions.read());
}, 300_000);

describe('check before believing', { timeout: 300_000 }, () => {
  it('counts the snapshot’s implausible values in the import report', () => {
    const report = summarise(applied.plan, snapshot, 0, applied);
    expect(report.quality).toEqual({
      flaggedFromThisSource: EXPECTED.length,
      flaggedInGraph: EXPECTED.length,
      byRule: Object.fromEntries(EXPECTED.map(([, rule]) => [rule, 1]).sort()),
      accepted: 0,
    });
    expect(renderText(report)).toContain(
      `Implausible values (kept as claims, not shown as facts; the dataQuality query lists them): ${EXPECTED.length} from this snapshot`,
    );
  });

  it('lists each implausible value with its reason, filtered by rule and kind, a page at a time', async () => {
    const all = await graphql<Issues>(running.service.url, ISSUES, { first: 100 });
    expect(all.errors).toBeUndefined();
    const issues = all.data!.dataQuality;
    expect(issues.totalCount).toBe(EXPECTED.length);
    expect(issues.edges.map((e) => [e.node.entityId, e.node.rule])).toEqual(EXPECTED);
    const byId = Object.fromEntries(issues.edges.map((e) => [e.node.entityId, e.node]));
    expect(byId['llama-2-7b']).toMatchObject({
      attribute: 'parameters',
      value: '70000000000',
      reason: '70B parameters, 10× above the 7B in the name "Llama 2-7B".',
      shownInstead: null,
    });
    expect(byId['wizardlm-70b']!.reason).toBe('released 2023-04-24, 3 months before Llama 2-70B (2023-07-18), which it derives from.');
    expect(byId['o3-mini']!.reason).toContain('before o1-mini (2024-09-12)');
    expect(byId.swallow!.reason).toContain('1000× away from the 70B of Llama 2-70B');
    expect(byId['far-future-lm']!.reason).toBe('releaseDate 2099-01-01 is after the date of its source (2026-11-29).');

    const versions = await graphql<Issues>(running.service.url, ISSUES, { first: 10, where: { rule: 'VERSION_ORDER' } });
    expect(versions.data!.dataQuality.edges.map((e) => e.node.entityId)).toEqual(['o3-mini']);
    expect(versions.data!.dataQuality.byRule).toEqual([{ rule: 'VERSION_ORDER', count: 1 }]);
    const organizations = await graphql<Issues>(running.service.url, ISSUES, { first: 10, where: { type: 'ORGANIZATION' } });
    expect(organizations.data!.dataQuality).toMatchObject({ totalCount: 0, edges: [] });

    const first = await graphql<Issues>(running.service.url, ISSUES, { first: 4 });
    expect(first.data!.dataQuality.pageInfo.hasNextPage).toBe(true);
    const rest = await graphql<Issues>(running.service.url, ISSUES, { first: 4, after: first.data!.dataQuality.pageInfo.endCursor });
    expect(rest.data!.dataQuality.pageInfo.hasNextPage).toBe(false);
    expect([...first.data!.dataQuality.edges, ...rest.data!.dataQuality.edges].map((e) => e.node.entityId)).toEqual(
      EXPECTED.map(([id]) => id),
    );

    const tooMany = await graphql(running.service.url, ISSUES, { first: 101 });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps a doubted or rumoured value as a claim beside a null field, out of ordering and filters', async () => {
    const { data, errors } = await graphql<{
      small: { parameters: number | null; withheld: Array<{ value: string; hedged: boolean; flags: Array<{ rule: string }> }> };
      wizard: { releaseDate: string | null };
      gpt4: { parameters: number | null; withheld: Array<{ value: string; hedged: boolean }> };
      biggest: { edges: Array<{ node: { id: string; parameters: number | null } }> };
      over: { edges: Array<{ node: { id: string } }> };
    }>(
      running.service.url,
      `{ small: model(id: "llama-2-7b") { parameters withheld { value hedged flags { rule } } }
         wizard: model(id: "wizardlm-70b") { releaseDate }
         gpt4: model(id: "gpt-4") { parameters withheld { value hedged } }
         biggest: models(first: 5, orderBy: [{field: PARAMETERS, direction: DESC}]) { edges { node { id parameters } } }
         over: models(first: 100, where: {minParameters: 1e11}) { edges { node { id } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data!.small).toEqual({
      parameters: null,
      withheld: [{ value: '70000000000', hedged: false, flags: [{ rule: 'SIZE_IN_NAME' }] }],
    });
    expect(data!.wizard.releaseDate).toBeNull();
    expect(data!.gpt4).toEqual({ parameters: null, withheld: [{ value: '1800000000000', hedged: true }] });
    const ranked = data!.biggest.edges.map((e) => e.node.id);
    expect(ranked).not.toContain('gpt-4');
    expect(data!.biggest.edges.every((e) => e.node.parameters !== null)).toBe(true);
    const over = data!.over.edges.map((e) => e.node.id);
    for (const doubted of ['gpt-4', 'doubao-pro', 'palm-2', 'claude-2']) expect(over).not.toContain(doubted);
  });

  it('compares conflicting values at their stated precision and ranks real disagreements first', async () => {
    type Conflicts = {
      conflicts: Array<{ entityId: string; attribute: string; severity: number; values: Array<{ value: string; preferred: boolean }> }>;
    };
    const real = await graphql<Conflicts>(
      running.service.url,
      '{ conflicts(first: 100) { entityId attribute severity values { value preferred } } }',
    );
    expect(real.errors).toBeUndefined();
    const list = real.data!.conflicts;
    expect(list.slice(0, 2).map((c) => `${c.entityId}.${c.attribute}`)).toEqual(['chatgpt.releaseDate', 'palm-2.parameters']);
    expect(list.map((c) => c.severity)).toEqual([...list.map((c) => c.severity)].sort((a, b) => b - a));
    expect(list.every((c) => c.severity > 0)).toBe(true);
    // The catalogue's BERT day falls inside the month the document states: no disagreement.
    expect(list.find((c) => c.entityId === 'bert')).toBeUndefined();
    // PaLM 2's values are a leak and a deprecated misreading: neither is shown.
    expect(list[1]!.values.every((v) => !v.preferred)).toBe(true);

    const all = await graphql<Conflicts>(
      running.service.url,
      '{ conflicts(first: 100, includePrecision: true) { entityId attribute severity } }',
    );
    const bert = all.data!.conflicts.findIndex((c) => c.entityId === 'bert' && c.attribute === 'releaseDate');
    expect(all.data!.conflicts[bert]!.severity).toBe(0);
    expect(all.data!.conflicts.slice(bert).every((c) => c.severity === 0)).toBe(true);
  });

  it('keeps the marks in the exports: no doubted value as a property, every claim with its hedge and flags', async () => {
    const graph = toExportedGraph(await new SeedRepository(running.db).read());
    const node = (id: string) => graph.nodes.find((n) => n.key === id)!.attributes;
    const claims = (id: string) => node(id).claims as Array<{ attribute: string; hedged: boolean; flags: Array<{ rule: string }> }>;
    expect(node('gpt-4').parameters).toBeUndefined();
    expect(claims('gpt-4').find((c) => c.attribute === 'parameters')).toMatchObject({ hedged: true, flags: [] });
    expect(node('llama-2-7b').parameters).toBeUndefined();
    expect(claims('llama-2-7b').find((c) => c.attribute === 'parameters')?.flags).toEqual([
      expect.objectContaining({ rule: 'SIZE_IN_NAME' }),
    ]);
    expect(node('llama-2-70b').parameters).toBe(70e9);

    const graphml = toGraphML(graph);
    const gpt4 = graphml.slice(graphml.indexOf('<node id="gpt-4"'), graphml.indexOf('</node>', graphml.indexOf('<node id="gpt-4"')));
    expect(gpt4).toContain('<data key="releaseDate">2023-03</data>');
    expect(gpt4).not.toContain('<data key="parameters">');
    expect(gpt4).toContain('&quot;hedged&quot;:true');
  });

  it('decides the same on a second pass; an accepted value is believed until its decision goes', async () => {
    const again = await runQualityPass(running.db);
    expect(again).toMatchObject({ changed: 0, flagged: EXPECTED.length });
    const parameters = async () => (await running.db.scope().read(`MATCH (m:Model {id: 'llama-2-7b'}) RETURN m.parameters AS p`))[0]?.p;

    const accepted = [{ entity: 'llama-2-7b', attribute: 'parameters', rule: QualityRule.SIZE_IN_NAME, value: 70e9, why: 'a test' }];
    expect(await runQualityPass(running.db, { accepted })).toMatchObject({ changed: 1, accepted: 1, flagged: EXPECTED.length - 1 });
    expect(await parameters()).toBe(70e9);
    expect(await runQualityPass(running.db)).toMatchObject({ changed: 1, flagged: EXPECTED.length });
    expect(await parameters()).toBeNull();
  });
});
