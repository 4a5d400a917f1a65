import { z } from 'zod';
import { LineageKind, RelationType } from '../domain/graph-model.js';

/** Slug ids: lowercase words joined by single dashes. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const ISO_DATE_PATTERN = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const id = z.string().regex(ID_PATTERN, 'must be a lowercase slug such as "gpt-4"').max(80);
const text = (max: number) => z.string().trim().min(1).max(max);
const confidence = z.number().gt(0).lt(1).optional();

const quoted = { quote: text(400), confidence };
const fromDocument = { source: id, ...quoted };
const fromUrl = { url: z.url({ protocol: /^https?$/ }), ...quoted };

/** A quote from a source document (verified verbatim) or, for public knowledge, from a URL. */
export const citationSchema = z.union([z.strictObject(fromDocument), z.strictObject(fromUrl)]);

const modalities = z.array(z.enum(['text', 'image', 'audio', 'video', 'code'])).min(1);

/** Attribute values with their ranges; a claim is checked against the schema of its attribute. */
export const ATTRIBUTE_VALUE = {
  parameters: z.number().int().min(1_000).max(1e14),
  contextWindow: z.number().int().min(16).max(1e8),
  trainingTokens: z.number().min(1e6).max(1e15),
  releaseDate: z
    .string()
    .regex(ISO_DATE_PATTERN, 'must be an ISO date: 2023, 2023-03 or 2023-03-14')
    .refine((d) => d >= '1950' && d <= '2100', 'must be a year from 1950 to 2100'),
  openWeights: z.boolean(),
  modalities,
} as const;
export type ModelAttribute = keyof typeof ATTRIBUTE_VALUE;

const attribute = z.enum(Object.keys(ATTRIBUTE_VALUE) as [ModelAttribute, ...ModelAttribute[]]);
const claimSchema = z
  .union([
    z.strictObject({ attribute, value: z.unknown(), ...fromDocument }),
    z.strictObject({ attribute, value: z.unknown(), ...fromUrl }),
  ])
  .superRefine((claim, ctx) => {
    const result = ATTRIBUTE_VALUE[claim.attribute].safeParse(claim.value);
    if (!result.success)
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${claim.attribute} ${result.error.issues[0]?.message ?? 'is invalid'}` });
  });

const entityBase = {
  id,
  name: text(120),
  aliases: z.array(text(120)).max(40),
  description: text(1000),
  mentions: z.array(citationSchema).min(1),
};

export const modelSchema = z.strictObject({ ...entityBase, claims: z.array(claimSchema).default([]) });
export const organizationSchema = z.strictObject({
  ...entityBase,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 country code')
    .optional(),
});
export const techniqueSchema = z.strictObject({
  ...entityBase,
  category: z.enum(['ARCHITECTURE', 'TRAINING', 'ALIGNMENT', 'INFERENCE', 'DATA', 'APPLICATION', 'EFFICIENCY']),
});
export const limitationSchema = z.strictObject(entityBase);

export const sourceSchema = z.strictObject({
  id,
  file: z.string().regex(/^[\w.-]+\.txt$/),
  title: text(200),
  author: text(120).optional(),
  date: z.string().regex(ISO_DATE_PATTERN).optional(),
});

export const relationshipSchema = z.strictObject({
  from: id,
  to: id,
  kind: z.enum(LineageKind).optional(),
  citations: z.array(citationSchema).min(1, 'every relationship needs at least one citation'),
});

export type Citation = z.infer<typeof citationSchema>;
export type Claim = z.infer<typeof claimSchema>;
export type ModelEntry = z.infer<typeof modelSchema>;
export type OrganizationEntry = z.infer<typeof organizationSchema>;
export type TechniqueEntry = z.infer<typeof techniqueSchema>;
export type LimitationEntry = z.infer<typeof limitationSchema>;
export type SourceEntry = z.infer<typeof sourceSchema>;
export type RelationshipEntry = z.infer<typeof relationshipSchema>;

/** The seed folder's files: one per entity kind, one per relationship type. */
export const ENTITY_FILES = {
  MODEL: { file: 'models.json', schema: modelSchema },
  ORGANIZATION: { file: 'organizations.json', schema: organizationSchema },
  TECHNIQUE: { file: 'techniques.json', schema: techniqueSchema },
  LIMITATION: { file: 'limitations.json', schema: limitationSchema },
} as const;

export const relationshipFile = (type: RelationType): string => `relationships/${type.toLowerCase()}.json`;
