import { z } from 'zod';
import { answerText, type CitedSource, claimValue } from './format.js';
import { McpConflictsDocument, McpDataQualityDocument } from './generated/graphql.js';
import { count, entityId } from './inputs.js';
import { tool } from './tool.js';

const sourceName = (source: CitedSource) =>
  `${source.title ?? source.id}${source.file ? ` (${source.file})` : source.url ? ` (${source.url})` : ''}`;

export const conflictsTool = tool({
  name: 'conflicts',
  title: 'Where sources disagree',
  description:
    'Attributes whose sources disagree at their stated precision, the furthest apart first: each value with its rank (the one the graph shows is preferred), whether its source hedges it, and who states it.',
  input: {
    first: count('first').optional().describe('How many attributes, 1 to 100 (default 20).'),
    includePrecision: z.boolean().optional().describe('Also list values that differ only in precision (2023-03 vs 2023-03-15).'),
  },
  document: McpConflictsDocument,
  variables: ({ first, includePrecision }) => ({ first: first ?? 20, includePrecision }),
  format: ({ conflicts }) => {
    if (conflicts.length === 0) return 'No attribute has sources that disagree.';
    return answerText([
      `${conflicts.length} contested attribute${conflicts.length === 1 ? '' : 's'}, furthest apart first:`,
      ...conflicts.map((conflict) => {
        const values = conflict.values.map((value) => {
          const marks = [
            value.preferred ? 'shown' : undefined,
            value.hedged ? 'hedged' : undefined,
            value.rank === 'DEPRECATED' ? 'deprecated' : undefined,
          ];
          const said = marks.filter(Boolean).join(', ');
          return `${claimValue(value.value)}${said ? ` [${said}]` : ''} per ${value.sources.map(sourceName).join(', ')}`;
        });
        return `- ${conflict.entityName} (${conflict.entityId}) ${conflict.attribute}, severity ${conflict.severity.toFixed(2)}: ${values.join(' vs ')}`;
      }),
    ]);
  },
});

export const dataQualityTool = tool({
  name: 'data_quality',
  title: 'Doubted values',
  description:
    'Values the graph does not believe (a rumour its source hedges, a size far from the name, a date after its source…), each with the rule, the reason and the source; filter by entity, rule or attribute, a page at a time.',
  input: {
    entityId: entityId('entityId').optional(),
    rule: z.string().optional().describe('A rule such as HEDGED_WORDS, SIZE_IN_NAME, AFTER_SOURCE_DATE.'),
    attribute: z.string().optional().describe('An attribute such as parameters or releaseDate.'),
    first: count('first').optional().describe('How many, 1 to 100 (default 20).'),
    after: z.string().optional().describe('endCursor of the previous page.'),
  },
  document: McpDataQualityDocument,
  variables: ({ entityId, rule, attribute, first, after }) => ({
    where: { entityId, rule: rule as never, attribute },
    first: first ?? 20,
    after,
  }),
  format: ({ dataQuality: { totalCount, byRule, edges, pageInfo } }) => {
    if (totalCount === 0) return 'No doubted values match.';
    return answerText([
      `${totalCount} doubted value${totalCount === 1 ? '' : 's'} (${byRule.map((rule) => `${rule.rule} ${rule.count}`).join(', ')}):`,
      ...edges.map(({ node }) => {
        const shown = node.shownInstead ? `; shown instead: ${node.shownInstead}` : '';
        return `- ${node.entityName} (${node.entityId}) ${node.attribute} = ${claimValue(node.value)}: ${node.rule}, ${node.reason}${shown} — ${sourceName(node.source)}`;
      }),
      pageInfo.hasNextPage && `More: call again with after "${pageInfo.endCursor}".`,
    ]);
  },
});
