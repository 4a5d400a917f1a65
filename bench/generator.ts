/**
 * Synthetic graph generator: same labels, relationship types and (per type) degree distributions
 * as the real seed in seed/, at any scale, deterministic from a seed number.
 *
 * How the shape is copied:
 *  - entity counts per kind keep the seed's ratio to models;
 *  - for every relationship type, each source entity draws its out-degree from the seed's
 *    out-degree histogram of that type (zeros included), and each target entity draws a weight from
 *    the seed's in-degree histogram (zeros included); targets are picked in proportion to weight,
 *    so in-degrees follow the seed's (heavy-tailed) shape too;
 *  - DERIVED_FROM is built family by family (a DAG): each model in a family derives from an earlier
 *    one, half the time the previous one (chains) and otherwise a weighted "hub"; a few families
 *    are large, so lineage trees reach 10+ generations; the share of models outside any lineage
 *    and of models with two parents follow the seed;
 *  - BUILDS_ON is oriented from the later to the earlier technique (a DAG as well);
 *  - mentions per entity, citations per relationship, attribute claims per model, lineage kinds,
 *    technique categories and countries follow the seed's frequencies.
 * Every citation cites one of the synthetic Source nodes with a synthetic quote.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EntityType, type LineageKind, RELATION_ENDPOINTS, RelationType } from '../src/domain/graph-model.js';
import { readDataset, type Dataset } from '../src/seed/dataset.js';
import type { Citation, Claim, RelationshipEntry } from '../src/seed/seed.schema.js';

export const GENERATOR_VERSION = 4;
export const SEED_DIR = fileURLToPath(new URL('../seed/', import.meta.url));

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Hist = Map<number, number>;

/** A discrete distribution sampled by inverse CDF. */
class Discrete<T> {
  private readonly values: T[] = [];
  private readonly cumulative: number[] = [];
  constructor(entries: Iterable<[T, number]>) {
    let total = 0;
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      total += weight;
      this.values.push(value);
      this.cumulative.push(total);
    }
    if (total === 0) throw new Error('empty distribution');
    for (let i = 0; i < this.cumulative.length; i += 1) this.cumulative[i]! /= total;
  }
  sample(rand: () => number): T {
    const u = rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return this.values[lo]!;
  }
  mean(): number {
    let prev = 0;
    let sum = 0;
    this.values.forEach((v, i) => {
      sum += Number(v) * (this.cumulative[i]! - prev);
      prev = this.cumulative[i]!;
    });
    return sum;
  }
}

/** Weighted sampling over items by cumulative weights (binary search). */
class Weighted {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  constructor(weights: number[]) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += w;
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }
  get empty(): boolean {
    return this.total === 0;
  }
  /** Index in [0, limit) (limit defaults to all), proportional to weight. */
  sample(rand: () => number, limit = this.cumulative.length): number {
    const total = limit === this.cumulative.length ? this.total : this.cumulative[limit - 1]!;
    if (total === 0) return Math.floor(rand() * limit);
    const u = rand() * total;
    let lo = 0;
    let hi = limit - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! <= u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export interface SeedProfile {
  counts: Record<EntityType, number>;
  outDegree: Record<RelationType, Hist>;
  inDegree: Record<RelationType, Hist>;
  citationsPerRelationship: Hist;
  mentionsPerEntity: Hist;
  aliasesPerEntity: Hist;
  /** Per kind: the share of its entities that carry claims on each attribute. */
  claimShare: Record<EntityType, Record<string, number>>;
  lineageKinds: Hist;
  categories: Map<string, number>;
  countries: Map<string, number>;
  productKinds: Map<string, number>;
  /** Share of models with no DERIVED_FROM at all (neither parent nor child). */
  lineageIsolatedShare: number;
  /** Share of models that have a parent which have two or more. */
  twoParentShare: number;
}

const histOf = (degrees: Map<string, number>, population: number): Hist => {
  const hist: Hist = new Map([[0, population - degrees.size]]);
  for (const d of degrees.values()) hist.set(d, (hist.get(d) ?? 0) + 1);
  return hist;
};

const countBy = <T>(items: T[]): Map<T, number> => {
  const out = new Map<T, number>();
  for (const item of items) out.set(item, (out.get(item) ?? 0) + 1);
  return out;
};

/** Measures the real seed: entity counts and every per-type degree distribution. */
export function measureSeed(dir = SEED_DIR): SeedProfile {
  const { dataset } = readDataset(dir);
  const counts = Object.fromEntries(Object.values(EntityType).map((t) => [t, dataset.entities[t].length])) as Record<EntityType, number>;
  const outDegree = {} as Record<RelationType, Hist>;
  const inDegree = {} as Record<RelationType, Hist>;
  const citations: number[] = [];
  for (const type of Object.values(RelationType)) {
    const [fromType, toType] = RELATION_ENDPOINTS[type];
    const outs = new Map<string, number>();
    const ins = new Map<string, number>();
    for (const rel of dataset.relationships[type]) {
      outs.set(rel.from, (outs.get(rel.from) ?? 0) + 1);
      ins.set(rel.to, (ins.get(rel.to) ?? 0) + 1);
      citations.push(rel.citations.length);
    }
    outDegree[type] = histOf(outs, counts[fromType]);
    inDegree[type] = histOf(ins, counts[toType]);
  }
  const all = Object.values(EntityType).flatMap((t) => dataset.entities[t] as Array<{ mentions: unknown[]; aliases: string[] }>);
  const models = dataset.entities.MODEL;
  const claimShare = {} as Record<EntityType, Record<string, number>>;
  for (const type of Object.values(EntityType)) {
    const entries = dataset.entities[type] as Array<{ claims?: Claim[] }>;
    claimShare[type] = {};
    for (const [attribute, n] of countBy(entries.flatMap((e) => [...new Set((e.claims ?? []).map((c) => c.attribute))])))
      claimShare[type][attribute] = n / entries.length;
  }
  const derived = dataset.relationships.DERIVED_FROM;
  const inLineage = new Set(derived.flatMap((r) => [r.from, r.to]));
  const parents = countBy(derived.map((r) => r.from));
  return {
    counts,
    outDegree,
    inDegree,
    citationsPerRelationship: countBy(citations),
    mentionsPerEntity: countBy(all.map((e) => e.mentions.length)),
    aliasesPerEntity: countBy(all.map((e) => e.aliases.length)),
    claimShare,
    lineageKinds: countBy(derived.map((r) => r.kind ?? 'VARIANT')) as unknown as Hist,
    categories: countBy(dataset.entities.TECHNIQUE.map((t) => String(t.category))),
    countries: countBy(dataset.entities.ORGANIZATION.map((o) => String(o.country ?? 'US'))),
    productKinds: countBy(dataset.entities.PRODUCT.map((p) => String(p.productKind))),
    lineageIsolatedShare: 1 - inLineage.size / Math.max(1, models.length),
    twoParentShare: [...parents.values()].filter((n) => n >= 2).length / Math.max(1, parents.size),
  };
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'zen',
  'tor',
  'vex',
  'qua',
  'ri',
  'so',
  'nu',
  'pra',
  'gle',
  'dor',
  'fin',
  'hal',
  'jun',
  'kel',
  'mor',
  'nex',
  'or',
  'pel',
  'ros',
  'sil',
  'tan',
  'ul',
  'var',
  'wen',
  'xi',
  'yor',
  'zu',
  'bra',
  'cor',
];
const CJK = ['星', '火', '云', '智', '言', '天', '海', '龙', '光', '明', '通', '义', '文', '心', '盘', '古'];
const TECH_WORDS = [
  'Attention',
  'Quantization',
  'Distillation',
  'Alignment',
  'Tokenization',
  'Sparsity',
  'Retrieval',
  'Routing',
  'Pretraining',
  'Decoding',
  'Embedding',
  'Normalization',
];
const LIMIT_WORDS = ['Drift', 'Hallucination', 'Bias', 'Leakage', 'Forgetting', 'Overconfidence', 'Latency', 'Sycophancy'];
const PRODUCT_WORDS = ['Chat', 'Assistant', 'Studio', 'Search', 'Copilot', 'Agent', 'Writer', 'Lens'];
const DATASET_WORDS = ['Corpus', 'Crawl', 'Books', 'Code', 'Dialogues', 'Benchmark'];
const ORG_SUFFIX = ['AI', 'Labs', 'Research', 'Intelligence', 'Technologies', 'Cloud'];
const SIZES = ['1B', '3B', '7B', '13B', '34B', '70B', '175B', '405B'];
const VARIANTS = ['Base', 'Chat', 'Instruct', 'Pro', 'Mini', 'Turbo', 'Long', 'Vision'];

export interface GeneratedGraph {
  dataset: Dataset;
  /** Node and relationship counts as loaded (relationships include CITES). */
  scale: { models: number; nodes: number; relationships: number };
  /** Lists the scenarios draw their variables from (identical for every system). */
  picks: {
    modelIds: string[];
    deepModelIds: string[];
    techniqueUserTriples: string[][];
    similarModelIds: string[];
    pathPairs: string[][];
    searchTerms: string[];
    maxGeneration: number;
  };
}

export interface GenerateOptions {
  models: number;
  seed: number;
  profile?: SeedProfile;
  /** How many values each pick list holds. */
  picks?: number;
}

export function generate(options: GenerateOptions): GeneratedGraph {
  const profile = options.profile ?? measureSeed();
  const rand = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const models = Math.max(10, Math.floor(options.models));
  // Every kind keeps its ratio to models; a kind the seed does not have (datasets come from catalogues) stays empty.
  const ratio = (type: EntityType) =>
    profile.counts[type] === 0 ? 0 : Math.max(3, Math.round((models * profile.counts[type]) / Math.max(1, profile.counts.MODEL)));
  const counts: Record<EntityType, number> = {
    MODEL: models,
    ORGANIZATION: ratio(EntityType.ORGANIZATION),
    TECHNIQUE: ratio(EntityType.TECHNIQUE),
    LIMITATION: ratio(EntityType.LIMITATION),
    DATASET: ratio(EntityType.DATASET),
    PRODUCT: ratio(EntityType.PRODUCT),
    SERIES: 0, // series are names for families: no model-centred query reads them
    OFFERING: 0, // catalogue listings of models: no model-centred query reads them
    BENCHMARK: 0, // benchmark results are statements, not the structure the bench's queries walk
  };

  const sourceCount = Math.max(5, Math.round(models / 25));
  const sources = Array.from({ length: sourceCount }, (_, i) => ({
    id: `syn-src-${i}`,
    file: `syn_${i}.txt`,
    title: `Synthetic source ${i}`,
    author: `Author ${i % 17}`,
    date: `${2018 + (i % 7)}-0${1 + (i % 9)}`,
  }));
  let quoteCounter = 0;
  const mentionDist = new Discrete(profile.mentionsPerEntity);
  const citationDist = new Discrete(profile.citationsPerRelationship);
  const aliasDist = new Discrete(profile.aliasesPerEntity);
  const cite = (about: string): Citation => ({
    source: sources[Math.floor(rand() * sourceCount)]!.id,
    quote: `Synthetic quote ${++quoteCounter} about ${about}.`,
    ...(rand() < 0.2 ? { confidence: 0.5 + Math.round(rand() * 40) / 100 } : {}),
  });
  const mentions = (about: string) => Array.from({ length: Math.max(1, mentionDist.sample(rand)) }, () => cite(about));
  const word = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i += 1) s += pick(SYLLABLES);
    return s.charAt(0).toUpperCase() + s.slice(1);
  };
  const uniqueWord = (() => {
    const used = new Set<string>();
    return (n: number) => {
      // Past 20 collisions the word grows by one syllable per 20 further attempts: a fixed
      // length runs out of words (32^3) at 100k models and the loop would never end.
      for (let attempt = 0; ; attempt += 1) {
        const w = word(attempt > 20 ? n + 1 + Math.floor((attempt - 21) / 20) : n);
        if (!used.has(w)) {
          used.add(w);
          return w;
        }
      }
    };
  })();
  const aliasesFor = (name: string) => {
    const n = Math.min(4, aliasDist.sample(rand));
    const out = new Set<string>();
    for (let i = 0; out.size < n && i < 10; i += 1)
      out.add(i % 2 === 0 ? `${pick(CJK)}${pick(CJK)}${name.split(' ')[0]}` : `${name} ${pick(['v', 'r', 'x'])}${i}`);
    out.delete(name);
    return [...out];
  };

  /** Claims on the attributes the seed's entities of this kind carry, at the seed's share per attribute. */
  const claimsFor = (type: EntityType, name: string): Claim[] => {
    const claims: Claim[] = [];
    for (const [attribute, share] of Object.entries(profile.claimShare[type])) {
      if (rand() >= share) continue;
      const value =
        attribute === 'parameters'
          ? Math.round(10 ** (8 + rand() * 4))
          : attribute === 'contextWindow'
            ? 2 ** (11 + Math.floor(rand() * 7))
            : attribute === 'releaseDate'
              ? `${2018 + Math.floor(rand() * 8)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`
              : attribute === 'openWeights'
                ? rand() < 0.5
                : attribute === 'modalities'
                  ? rand() < 0.7
                    ? ['text']
                    : ['text', 'image']
                  : Math.round(10 ** (9 + rand() * 4));
      claims.push({ attribute, value, ...cite(name) } as Claim);
    }
    return claims;
  };

  // ---- organizations, techniques, limitations, products, datasets
  const countryDist = new Discrete(profile.countries);
  const categoryDist = new Discrete(profile.categories);
  const organizations = Array.from({ length: counts.ORGANIZATION }, (_, i) => {
    const name = `${uniqueWord(2)} ${pick(ORG_SUFFIX)}`;
    return {
      id: `o-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic organization ${name} that builds language models.`,
      country: countryDist.sample(rand),
      mentions: mentions(name),
    };
  });
  const techniques = Array.from({ length: counts.TECHNIQUE }, (_, i) => {
    const name = `${uniqueWord(2)} ${pick(TECH_WORDS)}`;
    return {
      id: `t-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic technique ${name} for large language models.`,
      category: categoryDist.sample(rand) as 'ARCHITECTURE',
      mentions: mentions(name),
    };
  });
  const limitations = Array.from({ length: counts.LIMITATION }, (_, i) => {
    const name = `${uniqueWord(2)} ${pick(LIMIT_WORDS)}`;
    return {
      id: `l-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic limitation ${name} of language models.`,
      mentions: mentions(name),
    };
  });
  const productKindDist = counts.PRODUCT === 0 ? undefined : new Discrete(profile.productKinds);
  const products = Array.from({ length: counts.PRODUCT }, (_, i) => {
    const name = `${uniqueWord(2)} ${pick(PRODUCT_WORDS)}`;
    return {
      id: `p-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic product ${name} powered by language models.`,
      productKind: productKindDist!.sample(rand) as 'CHAT_APP',
      mentions: mentions(name),
      claims: claimsFor(EntityType.PRODUCT, name),
    };
  });
  const datasets = Array.from({ length: counts.DATASET }, (_, i) => {
    const name = `${uniqueWord(2)} ${pick(DATASET_WORDS)}`;
    return {
      id: `d-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic dataset ${name} that models are trained on.`,
      mentions: mentions(name),
      claims: claimsFor(EntityType.DATASET, name),
    };
  });

  // ---- models, grouped in lineage families
  const familyOf: number[] = [];
  const familyNames: string[] = [];
  const families: number[][] = [];
  {
    let i = 0;
    const isolated = Math.round(models * profile.lineageIsolatedShare);
    // Isolated models: their own one-member family.
    for (; i < isolated; i += 1) {
      families.push([i]);
      familyOf.push(families.length - 1);
    }
    // A few deep families first (10+ generations), then heavy-tailed sizes for the rest.
    const deepFamilies = Math.max(3, Math.round(models / 400));
    while (i < models) {
      const size =
        families.length - isolated < deepFamilies
          ? 40 + Math.floor(rand() * 40)
          : Math.min(150, 1 + Math.ceil(2 / (1 - rand() * 0.999) ** 0.6));
      const members: number[] = [];
      for (let k = 0; k < size && i < models; k += 1, i += 1) {
        members.push(i);
        familyOf.push(families.length);
      }
      families.push(members);
    }
    for (let f = 0; f < families.length; f += 1) familyNames.push(uniqueWord(2 + (f % 2)));
  }
  const modelEntries = Array.from({ length: models }, (_, i) => {
    const family = familyOf[i]!;
    const position = families[family]!.indexOf(i);
    const name = `${familyNames[family]}-${position + 1} ${pick(SIZES)} ${pick(VARIANTS)}`;
    const claims = claimsFor(EntityType.MODEL, name);
    return {
      id: `m-${i}`,
      name,
      aliases: aliasesFor(name),
      description: `Synthetic model ${name} of the ${familyNames[family]} family.`,
      mentions: mentions(name),
      claims,
    };
  });

  const ids: Record<EntityType, string[]> = {
    MODEL: modelEntries.map((e) => e.id),
    ORGANIZATION: organizations.map((e) => e.id),
    TECHNIQUE: techniques.map((e) => e.id),
    LIMITATION: limitations.map((e) => e.id),
    DATASET: datasets.map((e) => e.id),
    PRODUCT: products.map((e) => e.id),
    SERIES: [],
    OFFERING: [],
    BENCHMARK: [],
  };
  const relationships = Object.fromEntries(Object.values(RelationType).map((t) => [t, [] as RelationshipEntry[]])) as Record<
    RelationType,
    RelationshipEntry[]
  >;
  const relCitations = (about: string) => Array.from({ length: Math.max(1, citationDist.sample(rand)) }, () => cite(about));

  // ---- DERIVED_FROM, family by family
  const kindDist = new Discrete(profile.lineageKinds as unknown as Map<string, number>);
  const hubWeight = new Discrete(profile.inDegree.DERIVED_FROM);
  const generation = new Int32Array(models);
  for (const members of families) {
    if (members.length < 2) continue;
    const weights = new Weighted(members.map(() => Math.max(0.2, hubWeight.sample(rand))));
    for (let p = 1; p < members.length; p += 1) {
      const child = members[p]!;
      const first = rand() < 0.5 ? p - 1 : weights.sample(rand, p);
      const parentsOf = new Set([first]);
      if (p > 1 && rand() < profile.twoParentShare) parentsOf.add(weights.sample(rand, p));
      for (const q of parentsOf) {
        relationships.DERIVED_FROM.push({
          from: ids.MODEL[child]!,
          to: ids.MODEL[members[q]!]!,
          kind: kindDist.sample(rand) as LineageKind,
          citations: relCitations('lineage'),
        });
      }
      generation[child] = generation[members[first]!]! + 1;
    }
  }

  // ---- every other type: out-degree per source, in-degree-shaped weights per target
  for (const type of Object.values(RelationType)) {
    if (type === RelationType.DERIVED_FROM) continue;
    const [fromType, toType] = RELATION_ENDPOINTS[type];
    // Kinds the synthetic graph has no nodes of (series) get no relationships.
    if (ids[fromType].length === 0 || ids[toType].length === 0) continue;
    const outDist = new Discrete(profile.outDegree[type]);
    if (outDist.mean() === 0) continue;
    const inDist = new Discrete(profile.inDegree[type]);
    const targets = new Weighted(ids[toType].map(() => inDist.sample(rand)));
    const seen = new Set<string>();
    const sameKind = fromType === toType;
    ids[fromType].forEach((_from, fromIndex) => {
      const degree = outDist.sample(rand);
      for (let k = 0, attempts = 0; k < degree && attempts < degree * 10; attempts += 1) {
        const toIndex = targets.sample(rand);
        if (sameKind && toIndex === fromIndex) continue;
        // BUILDS_ON stays acyclic: always from the later technique to the earlier one.
        const [a, b] = type === RelationType.BUILDS_ON && toIndex > fromIndex ? [toIndex, fromIndex] : [fromIndex, toIndex];
        const key = sameKind ? `${Math.min(a, b)}:${Math.max(a, b)}` : `${a}:${b}`;
        if (seen.has(key)) continue;
        seen.add(key);
        relationships[type].push({ from: ids[fromType][a]!, to: ids[toType][b]!, citations: relCitations(type) });
        k += 1;
      }
    });
  }

  const dataset: Dataset = {
    sources,
    entities: {
      MODEL: modelEntries,
      ORGANIZATION: organizations,
      TECHNIQUE: techniques,
      LIMITATION: limitations,
      DATASET: datasets,
      PRODUCT: products,
      SERIES: [],
      OFFERING: [],
      BENCHMARK: [],
    },
    relationships,
  };

  // ---- pick lists for the scenarios
  const n = options.picks ?? 64;
  const pickRand = prng(options.seed ^ 0x5eed);
  const sample = <T>(list: readonly T[], count = n): T[] =>
    Array.from({ length: count }, () => list[Math.floor(pickRand() * list.length)]!);
  const users = new Map<string, string[]>();
  for (const rel of relationships.USES) {
    const list = users.get(rel.to);
    if (list) list.push(rel.from);
    else users.set(rel.to, [rel.from]);
  }
  const popular = [...users.entries()].filter(([, u]) => u.length >= 3);
  const techniqueUserTriples =
    popular.length === 0
      ? []
      : sample(popular).map(([, u]) => {
          const chosen = new Set<string>();
          while (chosen.size < 3) chosen.add(u[Math.floor(pickRand() * u.length)]!);
          return [...chosen];
        });
  const maxGeneration = generation.reduce((a, b) => Math.max(a, b), 0);
  const deepThreshold = Math.min(10, maxGeneration);
  const deep = ids.MODEL.filter((_, i) => generation[i]! >= deepThreshold);
  const usingModels = [...new Set(relationships.USES.map((r) => r.from))];
  const citesCount = Object.values(EntityType).reduce(
    (sum, t) => sum + dataset.entities[t].reduce((s, e) => s + e.mentions.length + (e.claims?.length ?? 0), 0),
    0,
  );
  const entityRelationships = Object.values(relationships).reduce((s, list) => s + list.length, 0);
  return {
    dataset,
    scale: {
      models,
      nodes: Object.values(counts).reduce((a, b) => a + b, 0) + sourceCount,
      relationships: entityRelationships + citesCount,
    },
    picks: {
      modelIds: sample(ids.MODEL),
      deepModelIds: sample(deep),
      techniqueUserTriples,
      similarModelIds: sample(usingModels),
      pathPairs: Array.from({ length: n }, () => [pick2(ids.MODEL, pickRand), pick2(ids.MODEL, pickRand)]),
      searchTerms: sample(familyNames.filter((_, f) => families[f]!.length > 1)).map((w) => w.toLowerCase()),
      maxGeneration,
    },
  };
}

const pick2 = (list: string[], rand: () => number) => list[Math.floor(rand() * list.length)]!;

/** `tsx bench/generator.ts [models] [seed]` prints the measured profile and the generated scale. */
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const profile = measureSeed();
  const g = generate({ models: Number(process.argv[2] ?? 2000), seed: Number(process.argv[3] ?? 42), profile });
  const byType = Object.fromEntries(Object.entries(g.dataset.relationships).map(([t, l]) => [t, l.length]));
  console.log(
    JSON.stringify(
      {
        scale: g.scale,
        byType,
        maxGeneration: g.picks.maxGeneration,
        deep: new Set(g.picks.deepModelIds).size,
        triples: g.picks.techniqueUserTriples.length,
      },
      null,
      1,
    ),
  );
}
