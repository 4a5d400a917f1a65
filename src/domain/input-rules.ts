import { z } from 'zod';
import { InvalidInputError } from './errors.js';
import { ENTITY_TYPES, type EntityType, fromKinds, isStatement, LineageKind, RELATIONS, RelationType } from './registry.js';
import { aliasesProblem, entityFields, idRule, relationshipShapeProblem } from './write-rules.js';

export { check } from './write-rules.js';

/** The seed files' rules (src/domain/write-rules.ts), applied to API writes; messages name the input field. */
export const citationRule = z
  .object({
    sourceId: idRule.optional().nullable(),
    url: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
      .max(500)
      .optional()
      .nullable(),
    quote: z.string().trim().min(8, 'must be at least 8 characters, enough to support the fact').max(400, 'must be at most 400 characters'),
  })
  .refine((c) => Boolean(c.sourceId) !== Boolean(c.url), { message: 'give exactly one of sourceId and url', path: ['sourceId'] });
export type CitationValues = z.infer<typeof citationRule>;

const entityRule = (type: EntityType) =>
  z.object({ ...entityFields(type, 'write'), citation: citationRule }).superRefine((values, ctx) => {
    const problem = values.aliases ? aliasesProblem(values.name, values.aliases) : null;
    if (problem) ctx.addIssue({ code: 'custom', path: ['aliases'], message: problem.replace(/^aliases /, '') });
  });

export const INPUT_RULES = Object.fromEntries(ENTITY_TYPES.map((type) => [type, entityRule(type)])) as Record<
  EntityType,
  ReturnType<typeof entityRule>
>;

export const linkRule = z.object({
  fromId: idRule,
  toId: idRule,
  type: z.enum(RelationType),
  kind: z.enum(LineageKind).optional().nullable(),
  citation: citationRule,
});
export type LinkValues = z.infer<typeof linkRule>;

/** No self-links; a kind exactly where the registry declares one (DERIVED_FROM). */
export function checkLinkShape(link: LinkValues): void {
  if (isStatement(link.type))
    throw new InvalidInputError(
      `input.type ${link.type} links are results a catalogue states (npm run import), each with its score and source row; linkEntities cannot write one.`,
      'input.type',
    );
  const problem = relationshipShapeProblem(link.type, link.fromId, link.toId, link.kind);
  if (problem === null) return;
  if (problem.field === 'toId') throw new InvalidInputError(`input.toId must differ from input.fromId: ${problem.message}.`, 'input.toId');
  throw new InvalidInputError(`input.${problem.message}.`, 'input.kind');
}

/** The kinds a link's two ends must have, for error messages and the repository's checks. */
export const endpointsOf = (type: RelationType): [EntityType[], EntityType[]] => [fromKinds(type), [RELATIONS[type].to]];
