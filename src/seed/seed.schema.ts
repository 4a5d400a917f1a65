import { z } from 'zod';
import {
  ClaimRank,
  ENTITY_TYPES,
  type EntityType,
  ID_PATTERN,
  ISO_DATE_PATTERN,
  KINDS,
  LineageKind,
  type RelationType,
  statementPropertiesOf,
} from '../domain/registry.js';
import { CATALOGUE_SOURCE_PREFIX } from '../domain/catalogue-sources.js';
import { entityFields } from '../domain/write-rules.js';

export { ID_PATTERN, ISO_DATE_PATTERN } from '../domain/registry.js';

const id = z.string().regex(ID_PATTERN, 'must be a lowercase slug such as "gpt-4"').max(80);
const text = (max: number) => z.string().trim().min(1).max(max);
const confidence = z.number().gt(0).lt(1).optional();

/** The curator's own words about a source: never shown as a quote. */
const note = text(400).optional();
/**
 * A citation of a source of sources.json: a document (its quote is required and checked verbatim, see
 * validateDataset) or a catalogue snapshot (the catalogue's own words as the quote, or a note, and the
 * row it comes from as the locator).
 */
const fromDocument = { source: id, quote: text(5000).optional(), note, confidence, locator: text(200).optional() };
const fromUrl = { url: z.url({ protocol: /^https?$/ }), quote: text(400).optional(), note, confidence };

const URL_TEXT = 'a URL citation needs a quote copied from the page or a note in the curator’s words';
const hasText = (c: { quote?: string; note?: string }) => c.quote !== undefined || c.note !== undefined;

/**
 * A quote from a source document (verified verbatim), or a URL with text copied from its page
 * (`quote`) and/or the curator's own words (`note`).
 */
export const citationSchema = z
  .union([z.strictObject(fromDocument), z.strictObject(fromUrl)])
  .refine(hasText, { message: URL_TEXT, path: ['quote'] });

/** A cited value of a claimable attribute, checked against that attribute's rule in the registry. */
function claimSchema(type: EntityType) {
  const values = Object.fromEntries(
    Object.entries(KINDS[type].properties)
      .filter(([, p]) => p.claimable)
      .map(([n, p]) => [n, p.value]),
  );
  const attribute = z.enum(Object.keys(values) as [string, ...string[]]);
  const ranked = { rank: z.enum(ClaimRank).optional(), reason: text(300).optional(), hedged: z.literal(true).optional() };
  return z
    .union([
      z.strictObject({ attribute, value: z.unknown(), ...fromDocument, ...ranked }),
      z.strictObject({ attribute, value: z.unknown(), ...fromUrl, ...ranked }),
    ])
    .superRefine((claim, ctx) => {
      if (!hasText(claim)) ctx.addIssue({ code: 'custom', path: ['quote'], message: URL_TEXT });
      if ((claim.rank === ClaimRank.DEPRECATED) !== (claim.reason !== undefined))
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a DEPRECATED claim needs a reason, and only a deprecated one has one' });
      const result = (values[claim.attribute] as z.ZodType).safeParse(claim.value);
      if (!result.success)
        ctx.addIssue({ code: 'custom', path: ['value'], message: `${claim.attribute} ${result.error.issues[0]?.message ?? 'is invalid'}` });
    });
}

/** A seed entry of one kind: the common fields, the kind's plain properties, mentions, and claims when it has claimable attributes. */
function entrySchema(type: EntityType) {
  const hasClaims = Object.values(KINDS[type].properties).some((p) => p.claimable);
  return z
    .strictObject({
      ...entityFields(type, 'seed'),
      mentions: z.array(citationSchema).min(1),
      ...(hasClaims && { claims: z.array(claimSchema(type)).default([]) }),
    })
    .superRefine((entry, ctx) => {
      // Ranks are a curator's: claims of catalogue snapshots rank by their lower confidence (import/apply.ts).
      const claims = ((entry as { claims?: Claim[] }).claims ?? []).filter(
        (c) => !('source' in c && c.source.startsWith(CATALOGUE_SOURCE_PREFIX)),
      );
      for (const attribute of new Set(claims.map((c) => c.attribute))) {
        const competing = claims.filter((c) => c.attribute === attribute);
        if (new Set(competing.map((c) => JSON.stringify(c.value))).size < 2) continue;
        if (competing.some((c) => c.rank === undefined))
          ctx.addIssue({ code: 'custom', path: ['claims'], message: `${attribute} has competing values: every claim of it needs a rank` });
        const stated = competing.some((c) => !c.hedged && c.rank !== ClaimRank.DEPRECATED);
        if (stated && competing.some((c) => c.hedged && c.rank === ClaimRank.PREFERRED))
          ctx.addIssue({ code: 'custom', path: ['claims'], message: `${attribute}: a hedged claim cannot be preferred over a stated one` });
      }
    });
}

/** A document of documents/ (`file`), or a catalogue snapshot (`url`, licence, `sha256:` version, retrieval date). */
export const sourceSchema = z
  .strictObject({
    id,
    file: z
      .string()
      .regex(/^[\w.-]+\.txt$/)
      .optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    title: text(200),
    author: text(120).optional(),
    date: z.string().regex(ISO_DATE_PATTERN).optional(),
    /** The terms the source is shared under, as its publisher states them ("CC BY 4.0"); absent when it states none. */
    license: text(120).optional(),
    version: text(100).optional(),
    retrieved: z.string().regex(ISO_DATE_PATTERN).optional(),
  })
  .refine((s) => (s.file === undefined) !== (s.url === undefined), { message: 'a source is a document (file) or a catalogue (url)' });

const relationshipFields = {
  from: id,
  to: id,
  kind: z.enum(LineageKind).optional(),
  citations: z.array(citationSchema).min(1, 'every relationship needs at least one citation'),
};
export const relationshipSchema = z.strictObject(relationshipFields);

/** A statement relationship's key (a benchmark result's): unique among the relationships of its pair. */
export const statementKey = z
  .string()
  .max(120)
  .regex(/^[A-Za-z0-9._-]+$/, 'must be letters, digits, dots, dashes or underscores');

/** The entries of a relationship type's file: a statement relationship (a benchmark result) adds its key and properties. */
export function relationshipSchemaOf(type: RelationType): z.ZodType<RelationshipEntry> {
  const properties = statementPropertiesOf(type);
  if (properties.length === 0) return relationshipSchema as z.ZodType<RelationshipEntry>;
  const values = Object.fromEntries(properties.map(([name, p]) => [name, p.required ? p.value : p.value.optional()]));
  return z.strictObject({ ...relationshipFields, key: statementKey, ...values }) as unknown as z.ZodType<RelationshipEntry>;
}

export type Citation = z.infer<typeof citationSchema>;
export type Claim = Citation & { attribute: string; value: unknown; rank?: ClaimRank; reason?: string; hedged?: true };
/** One entity of any kind as the seed files hold it; kind-specific properties by name. */
export interface EntityEntry {
  id: string;
  name: string;
  aliases: string[];
  description?: string;
  mentions: Citation[];
  claims?: Claim[];
  [property: string]: unknown;
}
export type SourceEntry = z.infer<typeof sourceSchema>;
export type RelationshipEntry = z.infer<typeof relationshipSchema> & { key?: string; [property: string]: unknown };

/** The seed folder's files: one per entity kind (named in the registry), one per relationship type. */
export const ENTITY_FILES = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, { file: KINDS[type].seedFile, schema: entrySchema(type) as z.ZodType<EntityEntry> }]),
) as Record<EntityType, { file: string; schema: z.ZodType<EntityEntry> }>;

export const relationshipFile = (type: RelationType): string => `relationships/${type.toLowerCase()}.json`;
