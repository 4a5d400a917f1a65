import { answerText, amount, SourceList } from './format.js';
import { McpCompareDocument, McpSharedTechniquesDocument } from './generated/graphql.js';
import { modelIds } from './inputs.js';
import { tool } from './tool.js';

export const sharedTechniquesTool = tool({
  name: 'shared_techniques',
  title: 'Techniques models share',
  description: 'The techniques every one of the given models uses, with the citations stating each model uses it.',
  input: { modelIds },
  document: McpSharedTechniquesDocument,
  variables: ({ modelIds }) => ({ ids: modelIds }),
  format: ({ compareModels: { models, sharedTechniques } }) => {
    const names = models.map((model) => model.name).join(', ');
    if (sharedTechniques.length === 0) return `The graph records no technique used by all of ${names}.`;
    const sources = new SourceList();
    const lines = sharedTechniques.map((technique) => {
      const cited = models.map((model) => {
        const link = model.techniquesLinks.find((candidate) => candidate.node.id === technique.id);
        return `${model.name}${sources.cite(link?.citations ?? [])}`;
      });
      return `- ${technique.name} (${technique.id}): ${cited.join('; ')}`;
    });
    return answerText([`Techniques all of ${names} use:`, ...lines], sources);
  },
});

export const compareTool = tool({
  name: 'compare_models',
  title: 'Compare models',
  description:
    'Two to ten models side by side: release date, size, context window, open weights and developers (each cited), and which techniques and limitations each has.',
  input: { modelIds },
  document: McpCompareDocument,
  variables: ({ modelIds }) => ({ ids: modelIds }),
  format: ({ compareModels: { models, techniqueRows, limitationRows } }) => {
    const sources = new SourceList();
    const facts = models.map((model) => {
      const cite = (attribute: string) =>
        sources.cite(
          model.claims.filter(
            (claim) => claim.attribute === attribute && claim.rank !== 'DEPRECATED' && !claim.hedged && claim.flags.length === 0,
          ),
        );
      const parts = [
        model.releaseDate && `released ${model.releaseDate}${cite('releaseDate')}`,
        model.parameters !== null && `${amount(model.parameters)} parameters${cite('parameters')}`,
        model.contextWindow !== null && `context ${amount(model.contextWindow)} tokens${cite('contextWindow')}`,
        model.openWeights !== null && `${model.openWeights ? 'open' : 'closed'} weights${cite('openWeights')}`,
        model.developersLinks.length > 0 &&
          `by ${model.developersLinks.map((link) => `${link.node.name}${sources.cite(link.citations)}`).join(', ')}`,
      ];
      return `- ${model.name} (${model.id}): ${parts.filter(Boolean).join('; ') || 'no attributes recorded'}`;
    });
    const rows = (label: string, list: typeof techniqueRows) =>
      list.length > 0 && [
        `${label} (${models.map((model) => model.name).join(' | ')}):`,
        ...list.map((row) => `- ${row.entity.name}: ${row.present.map((present) => (present ? 'yes' : '—')).join(' | ')}`),
      ];
    return answerText(
      [
        `Comparison of ${models.length} models:`,
        ...facts,
        ...(rows('Techniques', techniqueRows) || []),
        ...(rows('Limitations', limitationRows) || []),
      ],
      sources,
    );
  },
});
