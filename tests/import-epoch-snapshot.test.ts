import { describe, expect, it } from 'vitest';
import { applyImport } from '../src/import/apply-import.js';
import { readEpochCsv } from '../src/import/formats/epoch-csv.js';
import { Decisions } from '../src/resolve/decisions.js';
import { importService } from './helpers/import-service.js';
import { graphql } from './helpers/service.js';

// The vendored Epoch snapshot applied over the seed graph, then read back through the GraphQL API:
// counts and a handful of rows checked against the CSV. The seed graph is restored afterwards.

const SNAPSHOT = 'catalogues/epoch-ai/all_ai_models.csv';
const running = importService();

interface Model {
  releaseDate: string | null;
  parameters: number | null;
  openWeights: boolean | null;
  developers: Array<{ id: string }>;
  parents: Array<{ kind: string; model: { id: string } }>;
  trainingData: Array<{ id: string }>;
}
const MODEL = 'releaseDate parameters openWeights developers { id } parents { kind model { id } } trainingData { id }';

describe('the Epoch snapshot through the API', { timeout: 300_000 }, () => {
  it('adds its rows to the graph and serves them', async () => {
    const run = await applyImport(running.db, 'epoch-csv', SNAPSHOT, readEpochCsv(SNAPSHOT), Decisions.read());
    expect(run.plan.rowsRead).toBe(2228);

    const { data, errors } = await graphql<{
      graphStats: { nodes: Array<{ label: string; count: number }> };
      llama: Model;
      falcon: Model;
      gpt4: Model;
    }>(
      running.service.url,
      `{ graphStats { nodes { label count } }
         llama: model(id: "llama-2-70b") { ${MODEL} }
         falcon: model(id: "falcon-180b") { ${MODEL} }
         gpt4: model(id: "gpt-4") { ${MODEL} } }`,
    );
    expect(errors).toBeUndefined();
    const count = (label: string) => data!.graphStats.nodes.find((n) => n.label === label)!.count;
    // What the plan said it would create is what the graph gained (over 2,100 models, and the
    // organizations and datasets the rows name, against the documents' graph of this commit).
    const created = (kind: string) => run.plan.toCreate.filter((e) => e.kind === kind).length;
    expect(created('MODEL')).toBeGreaterThan(2_100);
    expect(count('Model')).toBe(run.before.nodes.Model! + created('MODEL'));
    expect(count('Dataset')).toBe(created('DATASET'));
    expect(count('Organization')).toBe(run.before.nodes.Organization! + created('ORGANIZATION'));

    // The CSV row "Llama 2-70B": Meta AI, 2023-07-18, 70B parameters, open weights.
    expect(data!.llama).toMatchObject({ releaseDate: '2023-07-18', parameters: 70e9, openWeights: true, developers: [{ id: 'meta' }] });
    expect(data!.falcon).toMatchObject({ releaseDate: '2023-09-06', parameters: 180e9, trainingData: [{ id: 'refinedweb' }] });
    // GPT-4: the documents' month stays; the graph keeps the documents' lineage.
    expect(data!.gpt4.releaseDate).toBe('2023-03');
    expect(data!.gpt4.parents).toContainEqual({ kind: 'SUCCESSOR', model: { id: 'gpt-3-5' } });
    // Ids follow the id rule: Epoch's "TÜLU-V2-mix" is tulu-v2-mix.
    const [bad] = await running.db.scope().read("MATCH (n:Entity) WHERE NOT n.id =~ '^[a-z0-9]+(-[a-z0-9]+)*$' RETURN count(n) AS n");
    expect(bad).toEqual({ n: 0 });
  });
});
