import { z } from 'zod';
import { EntityType, LineageKind, RELATION_ENDPOINTS, RelationType } from '../domain/graph-model.js';
import { InvalidInputError } from '../domain/errors.js';
import { ATTRIBUTE_VALUE, ID_PATTERN } from '../seed/seed.schema.js';

/** The same rules as the seed files, applied to API writes; messages name the input field. */
const id = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(ID_PATTERN, 'must be a lowercase slug such as "gpt-4" (letters, digits, single dashes)');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const citationRule = z
  .object({
    sourceId: id.optional().nullable(),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(500)
      .optional()
      .nullable(),
    quote: z.string().trim().min(8, 'must be at least 8 characters, enough to support the fact').max(400, 'must be at most 400 characters'),
  })
  .refine((c) => Boolean(c.sourceId) !== Boolean(c.url), { message: 'give exactly one of sourceId and url', path: ['sourceId'] });
export type CitationValues = z.infer<typeof citationRule>;

const entityBase = {
  id,
  name: text(120),
  aliases: z.array(text(120)).max(40, 'must hold at most 40 names').optional().nullable(),
  description: text(1000).optional().nullable(),
  citation: citationRule,
};

const optional = <T extends z.ZodType>(schema: T) => schema.optional().nullable();

export const INPUT_RULES = {
  [EntityType.MODEL]: z.object({
    ...entityBase,
    parameters: optional(ATTRIBUTE_VALUE.parameters),
    contextWindow: optional(ATTRIBUTE_VALUE.contextWindow),
    releaseDate: optional(ATTRIBUTE_VALUE.releaseDate),
    openWeights: optional(ATTRIBUTE_VALUE.openWeights),
    modalities: optional(ATTRIBUTE_VALUE.modalities),
    trainingTokens: optional(ATTRIBUTE_VALUE.trainingTokens),
  }),
  [EntityType.ORGANIZATION]: z.object({
    ...entityBase,
    country: optional(z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code such as US')),
  }),
  [EntityType.TECHNIQUE]: z.object({
    ...entityBase,
    category: optional(z.enum(['ARCHITECTURE', 'TRAINING', 'ALIGNMENT', 'INFERENCE', 'DATA', 'APPLICATION', 'EFFICIENCY'])),
  }),
  [EntityType.LIMITATION]: z.object(entityBase),
} as const;

export const linkRule = z.object({
  fromId: id,
  toId: id,
  type: z.enum(RelationType),
  kind: z.enum(LineageKind).optional().nullable(),
  citation: citationRule,
});
export type LinkValues = z.infer<typeof linkRule>;

/** Parses with a rule, or throws one InvalidInputError naming the first offending field. */
export function check<S extends z.ZodType>(rule: S, input: unknown): z.infer<S> {
  const result = rule.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = ['input', ...issue.path.map(String)].join('.');
  throw new InvalidInputError(`${field} ${issue.message}.`, field);
}

/** Kind is required on DERIVED_FROM links and meaningless elsewhere. */
export function checkLinkShape(link: LinkValues): void {
  if (link.fromId === link.toId)
    throw new InvalidInputError('input.toId must differ from input.fromId: an entity cannot be linked to itself.', 'input.toId');
  if (link.type === RelationType.DERIVED_FROM && !link.kind)
    throw new InvalidInputError('input.kind is required for DERIVED_FROM links.', 'input.kind');
  if (link.type !== RelationType.DERIVED_FROM && link.kind)
    throw new InvalidInputError(`input.kind is only allowed on DERIVED_FROM links, not ${link.type}.`, 'input.kind');
}

/** The labels a link's two ends must have, for error messages and the repository's checks. */
export const endpointsOf = (type: RelationType): [EntityType, EntityType] => RELATION_ENDPOINTS[type];
