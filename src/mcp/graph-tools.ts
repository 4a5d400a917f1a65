import { z } from 'zod';
import { answerText, graphLines, SourceList } from './format.js';
import { McpLineageDocument, McpNeighbourhoodDocument, McpPathDocument } from './generated/graphql.js';
import { count, entityId, relationTypes } from './inputs.js';
import { ToolError } from './run.js';
import { tool } from './tool.js';

const unknown = (id: string, what = 'entity') => new ToolError(`No ${what} has the id "${id}"; the search tool finds ids by name.`);

export const lineageTool = tool({
  name: 'lineage',
  title: 'Lineage of a model',
  description:
    'The models a model derives from (ANCESTORS, the default), those derived from it (DESCENDANTS) or both: each DERIVED_FROM step with its kind (successor, fine-tune, variant…) and the quotes that state it.',
  input: {
    modelId: entityId('modelId'),
    direction: z
      .enum(['ANCESTORS', 'DESCENDANTS', 'BOTH'], { error: 'direction must be ANCESTORS, DESCENDANTS or BOTH.' })
      .optional()
      .describe('ANCESTORS (default), DESCENDANTS or BOTH.'),
    maxDepth: count('maxDepth').optional().describe('How many steps, 1 to 20 (default 10).'),
  },
  document: McpLineageDocument,
  variables: ({ modelId, direction, maxDepth }) => ({ modelId, direction: direction ?? 'ANCESTORS', maxDepth }),
  format: ({ model, lineageGraph }, { modelId, direction }) => {
    if (model === null) throw unknown(modelId, 'model');
    const sources = new SourceList();
    const lines = graphLines(lineageGraph, sources);
    const which = direction === 'DESCENDANTS' ? 'descendants' : direction === 'BOTH' ? 'ancestors and descendants' : 'ancestors';
    if (lines.length === 0) return `The graph records no ${which} of ${model.name} (${model.id}).`;
    return answerText(
      [`Lineage of ${model.name} (${model.id}), ${which}; "A —DERIVED_FROM→ B" means A derives from B:`, ...lines],
      sources,
    );
  },
});

export const pathTool = tool({
  name: 'path',
  title: 'How two entities are connected',
  description: 'A shortest chain of relationships between two entities (in either direction), each step with its citations.',
  input: {
    fromId: entityId('fromId'),
    toId: entityId('toId'),
    maxDepth: count('maxDepth').optional().describe('Longest path to look for, 1 to 10 (default 6).'),
  },
  document: McpPathDocument,
  variables: ({ fromId, toId, maxDepth }) => ({ fromId, toId, maxDepth }),
  format: ({ from, to, path }, { fromId, toId }) => {
    if (from === null) throw unknown(fromId);
    if (to === null) throw unknown(toId);
    if (path === null) return `No path of relationships joins ${from.name} and ${to.name} within the depth asked.`;
    const sources = new SourceList();
    return answerText([`Path from ${from.name} to ${to.name}:`, ...graphLines(path, sources)], sources);
  },
});

export const neighbourhoodTool = tool({
  name: 'neighbourhood',
  title: 'What an entity is related to',
  description:
    "An entity's relationships (developers, techniques, limitations, lineage, competitors…) up to a depth, each with its citations; filter by relationship types to keep it short.",
  input: {
    id: entityId('id'),
    depth: count('depth').optional().describe('Steps out, 0 to 3 (default 1).'),
    limit: count('limit').optional().describe('Most nodes, 1 to 1000 (default 40).'),
    types: relationTypes,
  },
  document: McpNeighbourhoodDocument,
  variables: ({ id, depth, limit, types }) => ({ id, depth, limit: limit ?? 40, types }),
  format: ({ entity, neighborhood }, { id }) => {
    if (entity === null) throw unknown(id);
    const sources = new SourceList();
    const lines = graphLines(neighborhood, sources);
    if (lines.length === 0) return `The graph records no relationships of ${entity.name} (${entity.id}) of these types.`;
    return answerText([`Neighbourhood of ${entity.name} (${entity.id}):`, ...lines], sources);
  },
});
