import { z } from 'zod';
import { InvalidInputError } from './errors.js';
import { claimableOf, type EntityType, ID_PATTERN, KINDS, RELATIONS, type RelationType } from './registry.js';

/**
 * The one set of rules every writer applies (seed files, curation mutations, importers): field
 * rules come from the registry, so a value the API accepts is one the seed loader accepts on reload.
 */
export const idRule = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(ID_PATTERN, 'must be a lowercase slug such as "gpt-4" (letters, digits, single dashes)');
export const textRule = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * Fields of an entity of `type`. A seed entry has its required properties; a curated write may
 * leave out what it does not change, so its fields are optional there and the repository checks
 * them when the write creates the entity (requiredOnCreate). A description is optional in both.
 */
export function entityFields(type: EntityType, mode: 'seed' | 'write') {
  const optional = <T extends z.ZodType>(schema: T) => (mode === 'seed' ? schema.optional() : schema.optional().nullable());
  const properties = Object.fromEntries(
    Object.entries(KINDS[type].properties)
      .filter(([, p]) => mode === 'write' || !p.claimable)
      .map(([name, p]) => [name, p.required && mode === 'seed' ? p.value : optional(p.value)]),
  );
  const aliases = z.array(textRule(120)).max(40, 'must hold at most 40 names');
  const description = textRule(1000);
  return {
    id: idRule,
    name: textRule(120),
    aliases: mode === 'seed' ? aliases : aliases.optional().nullable(),
    description: mode === 'seed' ? description.optional() : description.optional().nullable(),
    ...properties,
  };
}

/** What an entity must have once it exists: what a seed entry cannot leave out. */
export const requiredOnCreate = (type: EntityType): string[] =>
  Object.entries(KINDS[type].properties)
    .filter(([, p]) => p.required)
    .map(([name]) => name);

/** Aliases are distinct and differ from the name (a name listed as its own alias would show twice in search). */
export const aliasesProblem = (name: string, aliases: readonly string[]): string | null =>
  new Set(aliases).size !== aliases.length || aliases.includes(name) ? 'aliases must be distinct and differ from the name' : null;

/**
 * Problems of a relationship's own shape, the same sentence for seed files and curation: no
 * self-links, the lineage kind required where the registry declares one and refused elsewhere.
 */
export function relationshipShapeProblem(
  type: RelationType,
  from: string,
  to: string,
  kind: unknown,
): { field: 'toId' | 'kind'; message: string } | null {
  if (from === to) return { field: 'toId', message: 'an entity cannot be linked to itself' };
  const spec = RELATIONS[type];
  if (spec.kind && (kind === undefined || kind === null)) return { field: 'kind', message: `kind is required for ${type} links` };
  if (!spec.kind && kind !== undefined && kind !== null)
    return { field: 'kind', message: `kind is only allowed on ${kindedTypes()} links, not ${type}` };
  return null;
}
const kindedTypes = () => (Object.keys(RELATIONS) as RelationType[]).filter((t) => RELATIONS[t].kind).join(', ');

export const isAcyclic = (type: RelationType): boolean => RELATIONS[type].acyclic === true;

/** A claim as the ranking reads it: its rank, whether its source hedges, the plausibility rules it fails, its confidence. */
export interface RankedClaim {
  value: unknown;
  confidence?: number | null;
  rank?: string | null;
  hedged?: boolean | null;
  /** Plausibility rules the value fails (src/quality), written on the claim after every load. */
  flags?: readonly string[] | null;
}

const RANK_WEIGHT: Record<string, number> = { PREFERRED: 2, NORMAL: 1, DEPRECATED: 0 };

/**
 * Orders competing claims: by rank, then a stated value over a hedged one (a rumour never wins over a
 * fact), then one passing the plausibility rules over one failing them, then confidence.
 */
function claimWeight(claim: RankedClaim): number[] {
  return [RANK_WEIGHT[claim.rank ?? 'NORMAL'] ?? 1, claim.hedged ? 0 : 1, claim.flags?.length ? 0 : 1, claim.confidence ?? 1];
}

/** The best-ranked claim, believed or not; on a tie the first listed wins. */
export function preferredClaim<C extends RankedClaim>(claims: readonly C[]): C | undefined {
  let top: C | undefined;
  for (const claim of claims) {
    if (top === undefined) top = claim;
    else {
      const [a, b] = [claimWeight(claim), claimWeight(top)];
      const i = a.findIndex((x, k) => x !== b[k]);
      if (i >= 0 && (a[i] as number) > (b[i] as number)) top = claim;
    }
  }
  return top;
}

/** A claim served as a plain fact: not deprecated, not hedged by its source, failing no plausibility rule. */
export const isBelieved = (claim: RankedClaim): boolean => claim.rank !== 'DEPRECATED' && !claim.hedged && !claim.flags?.length;

/**
 * The value a node shows for a claimable attribute: the best believed claim's, or null when no claim
 * is believed. So a rumour (GPT-4's 1.8T) or a value failing a rule (Llama 2-7B's 70B) is never a
 * plain field, an ordering key or an exported property; it stays a claim, marked, beside the null.
 */
export function preferredValue<C extends RankedClaim>(claims: readonly C[]): unknown {
  return preferredClaim(claims.filter(isBelieved))?.value ?? null;
}

/** What a node of the kind shows for each claimable attribute: the preferred believed claim's value, or null. */
export function claimedValues(
  type: EntityType,
  claims: ReadonlyArray<RankedClaim & { attribute?: string | null }>,
): Record<string, unknown> {
  return Object.fromEntries(
    claimableOf(type).map((attribute) => [attribute, preferredValue(claims.filter((c) => c.attribute === attribute))]),
  );
}

/** Parses with a rule, or throws one InvalidInputError naming the first offending field under `root`. */
export function check<S extends z.ZodType>(rule: S, input: unknown, root = 'input'): z.infer<S> {
  const result = rule.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [root, ...issue.path.map(String)].join('.');
  throw new InvalidInputError(`${field} ${issue.message}.`, field);
}
