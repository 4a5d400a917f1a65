import { z } from 'zod';
import { answerText, SourceList } from './format.js';
import { McpLeaderboardDocument, McpModelResultsDocument, type McpResultFragment } from './generated/graphql.js';
import { count, entityId } from './inputs.js';
import { ToolError } from './run.js';
import { tool } from './tool.js';

// A model's results are all returned in the structured content; the text lists the preferred ones, this many.
const RESULTS_IN_TEXT = 40;

/** "0.887 (EM, 5-shot, self-reported, by OpenAI, 2024-05-13) [1]": a score as its source states it, and how. */
function resultText(result: McpResultFragment, sources: SourceList): string {
  const how = [
    result.metric,
    result.shots != null && `${result.shots}-shot`,
    result.scorer,
    result.benchmarkVersion && `version ${result.benchmarkVersion}`,
    result.modelVersion && `as ${result.modelVersion}`,
    result.selfReported ? 'self-reported' : 'independent',
    result.measuredBy && `by ${result.measuredBy}`,
    result.date,
  ].filter(Boolean);
  return `${result.score} (${how.join(', ')})${sources.cite(result.citations)}`;
}

export const leaderboardTool = tool({
  name: 'leaderboard',
  title: 'A benchmark’s leaderboard',
  description:
    'The models ranked on one benchmark (its id: search with types ["BENCHMARK"]), best first by the benchmark’s direction, each with the result that places it — independently measured results preferred over self-reported ones — who measured it, and its source. Filter by developer, open weights, self-reported or release dates.',
  input: {
    benchmarkId: entityId('benchmarkId'),
    developer: z.string().optional().describe('Only models of this organization (id or name; its labs count too).'),
    openWeights: z.boolean().optional().describe('Only open-weight (true) or closed (false) models.'),
    selfReported: z.boolean().optional().describe('Only self-reported (true) or independently measured (false) results.'),
    releasedAfter: z.string().optional().describe('Models released on or after this ISO date.'),
    releasedBefore: z.string().optional().describe('Models released on or before this ISO date.'),
    first: count('first').optional().describe('How many models, 1 to 100 (default 20).'),
    after: z.string().optional().describe('endCursor of the previous page.'),
  },
  document: McpLeaderboardDocument,
  variables: ({ benchmarkId, first, after, ...where }) => ({ benchmark: benchmarkId, first: first ?? 20, after, where }),
  format: ({ leaderboard: { benchmark, higherIsBetter, totalCount, edges, pageInfo } }) => {
    if (totalCount === 0) return `No result on ${benchmark.name} (${benchmark.id}) matches.`;
    const sources = new SourceList();
    const direction = higherIsBetter === false ? 'lower is better' : 'higher is better';
    return answerText(
      [
        `${benchmark.name} (${benchmark.id}), ${totalCount} models, ${direction}:`,
        ...edges.map(
          ({ node }) =>
            `${node.position}. ${node.model.name} (${node.model.id}${node.model.releaseDate ? `, ${node.model.releaseDate}` : ''}): ${resultText(node.result, sources)}${node.results > 1 ? ` — ${node.results} results in all` : ''}`,
        ),
        pageInfo.hasNextPage && `More: call again with after "${pageInfo.endCursor}".`,
      ],
      sources,
    );
  },
});

export const modelResultsTool = tool({
  name: 'model_results',
  title: 'A model’s benchmark results',
  description:
    'Every benchmark result the graph holds for one model, each with its score, how it was run, who measured it (self-reported or independent) and its source; the preferred result per benchmark first.',
  input: { modelId: entityId('modelId') },
  document: McpModelResultsDocument,
  variables: ({ modelId }) => ({ id: modelId }),
  format: ({ entity }, { modelId }) => {
    if (entity === null) throw new ToolError(`No model has the id "${modelId}"; the search tool finds ids by name.`);
    if (!('benchmarks' in entity)) throw new ToolError(`${entity.name} (${entity.id}) is a ${entity.type.toLowerCase()}, not a model.`);
    if (entity.benchmarks.length === 0) return `The graph holds no benchmark result for ${entity.name} (${entity.id}).`;
    const sources = new SourceList();
    const preferred = entity.benchmarks.filter((result) => result.rank === 1);
    const lines = preferred
      .slice(0, RESULTS_IN_TEXT)
      .map((result) => `- ${result.benchmark.name} (${result.benchmark.id}): ${resultText(result, sources)}`);
    const others = entity.benchmarks.length - preferred.length;
    return answerText(
      [
        `${entity.name} (${entity.id}): results on ${preferred.length} benchmarks${others > 0 ? ` (and ${others} other results, in the structured content)` : ''}:`,
        ...lines,
        preferred.length > RESULTS_IN_TEXT && `(${preferred.length - RESULTS_IN_TEXT} more benchmarks in the structured content.)`,
      ],
      sources,
    );
  },
});
