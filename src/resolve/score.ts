/**
 * How alike two entities of one kind are, as record linkage scores a pair (Fellegi–Sunter, as Splink
 * does): each comparison adds a weight (a log2 Bayes factor, set by hand from the pairs of the default
 * graph), the sum against a prior gives the pair's score, and two thresholds split pairs into match,
 * review queue and distinct. A name alone never reaches MATCH: the closest name (+8) against the
 * prior (-4) needs a shared developer, a compatible date or size, or a shared key on top.
 */
import { HUB_REPO_ID } from '../domain/name-match.js';
import { EntityType } from '../domain/registry.js';
import type { ComparableValues } from './entity.js';
import { isGenericAlias, type NameLevel, nameKey, nameKeys, sizeInName } from './names.js';

export const PRIOR = -4;
/** At or above: the same thing (merged by the importer, proposed by `npm run resolve -- --apply`). */
export const MATCH = 6;
/** At or above (and below MATCH): the review queue; a person records a decision in seed/resolution.json. */
export const REVIEW = 0;

export type PairStatus = 'match' | 'review' | 'distinct';

/** One side of a comparison: names, developers (with their ancestors), values, and the catalogue keys it holds. */
export interface Side {
  kind: EntityType;
  name: string;
  aliases: string[];
  /** Organization ids that made it, each with its ancestors (PART_OF): {self, ...parents}. */
  developers: Array<Set<string>>;
  values: ComparableValues;
  /** `format` of each catalogue citing it, or the record's own format. */
  formats: string[];
  /** Written by a load cut short before its citations (ResolvableEntity.uncited). */
  uncited?: boolean;
  /** A record's identifiers and the catalogue its name is a row key of (RecordSide). */
  identifiers?: string[];
  keyIn?: { format: string; name: string };
}

export interface Comparison {
  weight: number;
  status: PairStatus;
  /** What was weighed, one phrase each with its weight ("same developer (+4)"). */
  evidence: string[];
}

const NAME_WEIGHT: Record<NameLevel | 'generic', number> = { exact: 8, compact: 6, stripped: 4, prefix: 4, family: 1, generic: 0 };
/** A match through an alias counts a little less than one through the main name. */
const ALIAS_PENALTY = 1;

/**
 * Kinds whose name is their identity: an organization or a dataset has no developer, size or date a
 * catalogue gives to weigh, and two organizations do not share a name ("OpenAI" is OpenAI), so the
 * same name or curated alias (spelling aside) is a match on its own. A model's name is not ("Gemini",
 * "Otter" and "Unicorn" each name several labs' models): it needs evidence beyond the name.
 */
export const NAMED_BY_IDENTITY = new Set<EntityType>([EntityType.ORGANIZATION, EntityType.DATASET]);
/**
 * Kinds whose identity is the catalogue row itself: a provider's offering is its listing (one file),
 * whatever it is called, so two listings named alike ("gpt-oss-120b" and "gpt-oss-120b-1:0") are two.
 * Only the row's key (a refresh) or a move (plan-moves.ts) finds one again; a name never does.
 */
export const NAMED_BY_ROW = new Set<EntityType>([EntityType.OFFERING]);
const IDENTITY_WEIGHT = MATCH - PRIOR;

interface NameMatch {
  level: NameLevel | 'generic';
  weight: number;
  via: string;
}

const ORDER: NameLevel[] = ['exact', 'compact', 'stripped', 'prefix', 'family'];

/** The closest pair of names (main names and aliases), with a short or generic alias counting for nothing. */
export function nameMatch(a: Side, b: Side): NameMatch | undefined {
  const names = (side: Side) => [{ name: side.name, alias: false }, ...side.aliases.map((alias) => ({ name: alias, alias: true }))];
  let best: NameMatch | undefined;
  for (const x of names(a))
    for (const y of names(b)) {
      const keysX = nameKeys(x.name, a.kind, true);
      const keysY = nameKeys(y.name, b.kind, true);
      // Keys of both names up to a level; a prefix only meets the other's whole name, never its prefix.
      const level = ORDER.find((l) =>
        keysX.some(
          (kx) =>
            ORDER.indexOf(kx.level) <= ORDER.indexOf(l) &&
            keysY.some(
              (ky) => ky.key === kx.key && ORDER.indexOf(ky.level) <= ORDER.indexOf(l) && !(kx.level === 'prefix' && ky.level === 'prefix'),
            ),
        ),
      );
      if (level === undefined) continue;
      const generic = (x.alias && isGenericAlias(x.name, a.kind)) || (y.alias && isGenericAlias(y.name, b.kind));
      const identity = NAMED_BY_IDENTITY.has(a.kind) && (level === 'exact' || level === 'compact');
      const weight = generic
        ? NAME_WEIGHT.generic
        : identity
          ? IDENTITY_WEIGHT
          : NAME_WEIGHT[level] - (x.alias || y.alias ? ALIAS_PENALTY : 0);
      if (best === undefined || weight > best.weight)
        best = { level: generic ? 'generic' : level, weight, via: `"${x.name}" ~ "${y.name}"` };
    }
  return best;
}

const sizeOf = (side: Side): number | undefined =>
  typeof side.values.parameters === 'number' ? side.values.parameters : sizeInName(side.name);
const dateOf = (side: Side): string | undefined => (typeof side.values.releaseDate === 'string' ? side.values.releaseDate : undefined);
const countriesOf = (side: Side): string[] => (typeof side.values.country === 'string' ? side.values.country.split(',') : []);
const agree = (x: number, y: number) => Math.abs(x - y) <= 0.05 * Math.max(x, y);

function compareDates(a?: string, b?: string): [number, string] | undefined {
  if (a === undefined || b === undefined) return undefined;
  if (a.startsWith(b) || b.startsWith(a)) return [2, `dates agree (${a} / ${b})`];
  const years = Math.abs(Number(a.slice(0, 4)) - Number(b.slice(0, 4)));
  if (years === 0) return [1, `same year (${a} / ${b})`];
  if (years === 1) return [-1, `dates a year apart (${a} / ${b})`];
  return [-5, `dates ${years} years apart (${a} / ${b})`];
}

function compareDevelopers(a: Side, b: Side): [number, string] | undefined {
  if (a.developers.length === 0 || b.developers.length === 0) return undefined;
  const own = (side: Side) => new Set(side.developers.map((d) => [...d][0]!));
  const [mine, theirs] = [own(a), own(b)];
  const shared = [...mine].filter((id) => theirs.has(id));
  if (shared.length > 0) return [4, `same developer (${shared.join(', ')})`];
  const related = a.developers.some((x) => b.developers.some((y) => [...x].some((id) => y.has(id))));
  if (related) return [3, `developers of one organization (${[...mine].join(', ')} / ${[...theirs].join(', ')})`];
  return [-8, `different developers (${[...mine].join(', ')} / ${[...theirs].join(', ')})`];
}

// A repository id names the weights themselves: strong evidence of identity.
const repositoriesOf = (side: Side) => [side.name, ...side.aliases].filter((n) => HUB_REPO_ID.test(n)).map((n) => n.toLowerCase());

/** A repository id both sides carry (as name or alias), if any. */
function sharedRepository(a: Side, b: Side): string | undefined {
  const theirs = new Set(repositoriesOf(b));
  return repositoriesOf(a).find((repo) => theirs.has(repo));
}

/** Scores a pair of one kind. `sameCatalogue` is a shared catalogue whose different rows they are (then always distinct). */
export function compare(a: Side, b: Side): Comparison {
  const evidence: string[] = [];
  let weight = PRIOR;
  const add = (w: number, why: string) => {
    weight += w;
    evidence.push(`${why} (${w >= 0 ? '+' : ''}${w})`);
  };
  const name = nameMatch(a, b);
  const [sizeA, sizeB] = [sizeOf(a), sizeOf(b)];
  let level = name?.level;
  let nameWeight = name?.weight ?? 0;
  // "GPT-3 175B (davinci)" and "GPT-3" (175B) differ by a size that agrees: as close as a stripped name.
  if (level === 'family' && sizeA !== undefined && sizeB !== undefined && agree(sizeA, sizeB)) {
    level = 'stripped';
    nameWeight = NAME_WEIGHT.stripped;
  }
  if (name)
    add(nameWeight, `names ${level === 'generic' ? 'match only through a short or generic alias' : `match (${level})`}: ${name.via}`);
  // "Gemma 7B" against "Gemma" (no size anywhere): a size of the family the other names, not the family.
  if (level === 'family' && (sizeA === undefined) !== (sizeB === undefined)) add(-4, 'one is a size of the family the other names');

  const keyA = nameKey(a.name);
  const keyB = nameKey(b.name);
  // Each row of a catalogue is one thing: two rows are two things, whatever their names. Organizations and
  // datasets are named in cells, not described by rows, so the rule is not theirs.
  const shared = a.formats.filter((f) => b.formats.includes(f));
  if (shared.length > 0 && !NAMED_BY_IDENTITY.has(a.kind)) {
    const sameKey = keyA === keyB || a.aliases.some((x) => nameKey(x) === keyB) || b.aliases.some((x) => nameKey(x) === keyA);
    if (!sameKey)
      return { weight: -Infinity, status: 'distinct', evidence: [...evidence, `different rows of one catalogue (${shared[0]})`] };
    add(10, `same catalogue key (${shared[0]})`);
  } else if ((a.uncited || b.uncited) && keyA === keyB) add(10, 'same name as an entity an interrupted load wrote');
  const identifier = sharedIdentifier(a, b) ?? sharedIdentifier(b, a);
  if (identifier !== undefined) add(10, `same identifier (${identifier})`);
  const keyed = keyedRow(a, b) ?? keyedRow(b, a);
  if (keyed === 'other')
    return {
      weight: -Infinity,
      status: 'distinct',
      evidence: [...evidence, `another row of the catalogue ${(a.keyIn ?? b.keyIn)!.format} names`],
    };
  if (keyed !== undefined) add(10, `same catalogue key (${keyed})`);

  const repository = sharedRepository(a, b);
  if (repository) add(6, `same Hugging Face repository (${repository})`);
  const developers = compareDevelopers(a, b);
  if (developers) add(...developers);
  const dates = compareDates(dateOf(a), dateOf(b));
  if (dates) add(...dates);
  if (a.kind !== EntityType.ORGANIZATION && sizeA !== undefined && sizeB !== undefined)
    add(agree(sizeA, sizeB) ? 3 : -8, `sizes ${agree(sizeA, sizeB) ? 'agree' : 'differ'} (${sizeA} / ${sizeB})`);
  // An organization may have several countries (Epoch lists "US,GB" for some): any one shared agrees.
  const [countriesA, countriesB] = [countriesOf(a), countriesOf(b)];
  if (countriesA.length > 0 && countriesB.length > 0) {
    const agreed = countriesA.some((c) => countriesB.includes(c));
    add(agreed ? 2 : -3, `countries ${agreed ? 'agree' : 'differ'} (${countriesA.join(',')} / ${countriesB.join(',')})`);
  }
  // An organization's or a dataset's own name (spelling aside) is its identity, whatever a catalogue's
  // country or date says (those disagreements are data errors, kept as competing claims).
  if (NAMED_BY_IDENTITY.has(a.kind) && (level === 'exact' || level === 'compact') && weight < MATCH) {
    evidence.push(`the same name identifies ${a.kind.toLowerCase()}s (score raised to ${MATCH})`);
    weight = MATCH;
  }
  return { weight, status: statusOf(weight), evidence };
}

/** An identifier of `a` (an API id, a Hugging Face repo id) that is a name of `b`, spelt alike but for case. */
function sharedIdentifier(a: Side, b: Side): string | undefined {
  const names = new Set([b.name, ...b.aliases].map((n) => n.toLowerCase()));
  return a.identifiers?.find((id) => names.has(id.toLowerCase()) && !isGenericAlias(id, a.kind));
}

/**
 * `a` names a row of a catalogue that cites `b`: the same row when one of `b`'s names is that row's key
 * ("catalogue: key"), another row of it otherwise ('other'); undefined when the catalogue does not cite `b`.
 */
function keyedRow(a: Side, b: Side): string | 'other' | undefined {
  if (a.keyIn === undefined || !b.formats.includes(a.keyIn.format)) return undefined;
  const key = nameKey(a.keyIn.name);
  return [b.name, ...b.aliases].some((n) => nameKey(n) === key) ? `${a.keyIn.format}: ${a.keyIn.name}` : 'other';
}

export const statusOf = (weight: number): PairStatus => (weight >= MATCH ? 'match' : weight >= REVIEW ? 'review' : 'distinct');
