import { z } from 'zod';
import { answerText, type CitationLike, claimValue, SourceList } from './format.js';
import { type McpClaimFragment, McpEntityDocument, type McpEntityQuery, McpSearchDocument } from './generated/graphql.js';
import { count, entityId, entityTypes } from './inputs.js';
import { ToolError } from './run.js';
import { tool } from './tool.js';

export const searchTool = tool({
  name: 'search',
  title: 'Search the graph',
  description:
    'Finds models, organizations, techniques, limitations, datasets, products and series by name or alias, English or Chinese, ignoring case, spaces, hyphens and dots ("qwen 2.5" finds Qwen2.5). Gives ids for the other tools.',
  input: {
    query: z.string({ error: 'query must be the text to search for.' }).describe('What to look for, e.g. "gpt 4" or "RLHF".'),
    types: entityTypes,
    first: count('first').optional().describe('How many hits, 1 to 100 (default 10).'),
  },
  document: McpSearchDocument,
  variables: ({ query, types, first }) => ({ query, types, first: first ?? 10 }),
  format: ({ search }, { query }) => {
    if (search.length === 0) return `Nothing in the graph matches "${query}".`;
    return answerText([
      `${search.length} match${search.length === 1 ? '' : 'es'} for "${query}" (id, type, details):`,
      ...search.map(({ entity }) => {
        const details = [
          'releaseDate' in entity ? entity.releaseDate : undefined,
          'developers' in entity ? entity.developers.map((developer) => developer.name).join(', ') : undefined,
          entity.aliases.length > 0 ? `aka ${entity.aliases.slice(0, 3).join(', ')}` : undefined,
        ].filter(Boolean);
        return `- ${entity.name} — ${entity.id}, ${entity.type}${details.length > 0 ? `, ${details.join('; ')}` : ''}`;
      }),
    ]);
  },
});

type Entity = NonNullable<McpEntityQuery['entity']>;
type Linked = { node: { id: string; name: string }; citations: readonly CitationLike[]; kind?: string };

/** "Developers: OpenAI [3]; …" for a relationship field with its citations. */
const linkLine = (label: string, links: readonly Linked[] | undefined, sources: SourceList) =>
  links !== undefined &&
  links.length > 0 &&
  `${label}: ${links.map((link) => `${link.node.name} (${link.node.id}${link.kind ? `, ${link.kind}` : ''})${sources.cite(link.citations)}`).join('; ')}`;

/** One line per attribute claim: the value, its standing, and where it is stated. */
function claimLines(claims: readonly McpClaimFragment[], sources: SourceList): string[] {
  return claims.map((claim) => {
    const standing = [claim.rank === 'PREFERRED' ? 'preferred' : undefined, claim.rank === 'DEPRECATED' ? 'deprecated' : undefined];
    if (claim.hedged) standing.push('hedged by its source: not believed');
    for (const flag of claim.flags) standing.push(`doubted, ${flag.rule}: ${flag.reason}`);
    const said = standing.filter(Boolean).join(', ');
    return `- ${claim.attribute}: ${claimValue(claim.value)}${said ? ` (${said})` : ''}${sources.cite([claim])}`;
  });
}

/** The relationship fields the entity's type has, by label: "Developers: OpenAI (openai) [3]". */
function relationshipLines(entity: Entity, sources: SourceList): Array<string | false> {
  if ('parents' in entity) {
    const parents = entity.parents.map((parent) => ({ node: parent.model, citations: parent.citations, kind: parent.kind }));
    return [
      linkLine('Developers', entity.developersLinks, sources),
      linkLine('Derived from', parents, sources),
      linkLine('Techniques', entity.techniquesLinks, sources),
      linkLine('Limitations', entity.limitationsLinks, sources),
    ];
  }
  if ('partOfLinks' in entity) return [linkLine('Part of', entity.partOfLinks, sources)];
  if ('proposedByLinks' in entity)
    return [linkLine('Proposed by', entity.proposedByLinks, sources), linkLine('Mitigates', entity.mitigatesLinks, sources)];
  return [];
}

function entityLines(entity: Entity, sources: SourceList): Array<string | false | undefined> {
  const claims = 'claims' in entity ? entity.claims : [];
  return [
    `${entity.name} — ${entity.id}, ${entity.type}${entity.aliases.length > 0 ? `; aka ${entity.aliases.join(', ')}` : ''}`,
    entity.description ?? undefined,
    entity.sources.length > 0 && `Stated in:${sources.cite(entity.sources)}`,
    'country' in entity && entity.country !== null && `Country: ${entity.country}`,
    'category' in entity && entity.category !== null && `Category: ${entity.category}`,
    claims.length > 0 && 'Attributes, as each source states them:',
    ...claimLines(claims, sources),
    ...relationshipLines(entity, sources),
  ];
}

export const entityTool = tool({
  name: 'entity',
  title: 'An entity with its facts and citations',
  description:
    'One entity by id: its description, each attribute as its sources state it (hedged and deprecated values marked), and its relationships (developers, parents, techniques, limitations…), each with the quote, source and line or row that states it.',
  input: { id: entityId('id') },
  document: McpEntityDocument,
  variables: ({ id }) => ({ id }),
  format: ({ entity }, { id }) => {
    if (entity === null) throw new ToolError(`No entity has the id "${id}"; the search tool finds ids by name.`);
    const sources = new SourceList();
    return answerText(entityLines(entity, sources), sources);
  },
});
