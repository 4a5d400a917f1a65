/**
 * A synthetic Hugging Face model tree at any size, deterministic from a seed, kept in typed arrays so
 * two million models fit in a few hundred MB.
 *
 * Shape (see bench/hf/README.md for where the figures come from):
 *  - models are created in time order over 2021-01-01 … 2026-06-30, more of them every month;
 *  - ROOT_SHARE of them (3 %) are bases with no parent; every other one derives from earlier models;
 *  - the relation of a derived model follows the hub's shares of `baseModels.relation` (hub-stats,
 *    October 2025): adapter 42.57 %, finetune 35.91 %, quantized 19.22 %, merge 2.30 %;
 *  - a parent is chosen by preferential attachment: half the time among the bases in proportion to
 *    their derivatives + 1 (a few bases gather tens of thousands), otherwise among all models in
 *    proportion to their children + 1 (fine-tunes of fine-tunes, quantizations of merges);
 *  - a merge has 2 (80 %), 3 (15 %) or 4 (5 %) distinct parents;
 *  - authors are chosen by preferential attachment too (a few prolific quantizers and fine-tuners),
 *    and a derivative's repo name is its parent's plus a suffix of its relation, so repo names repeat
 *    across authors (`TheBloke/x-GGUF`, `someone/x-GGUF`), as on the hub.
 */
import { prng } from '../generator.js';

export const HF_TREE_VERSION = 2;
export const RELATIONS = ['finetune', 'adapter', 'quantized', 'merge'] as const;
export type HfRelation = (typeof RELATIONS)[number];
/** hub-stats (cfahlgren1/hub-stats, models.parquet, 23 Oct 2025): shares of baseModels.relation. */
export const RELATION_SHARES: Record<HfRelation, number> = { adapter: 0.4257, finetune: 0.3591, quantized: 0.1922, merge: 0.023 };
export const ROOT_SHARE = 0.03;
const BASE_FITNESS = 40;
const FIRST_DAY = Date.UTC(2021, 0, 1);
const DAYS = Math.round((Date.UTC(2026, 5, 30) - FIRST_DAY) / 86_400_000);

const FAMILIES = ['Llama', 'Mistral', 'Qwen', 'Gemma', 'Phi', 'Falcon', 'Yi', 'DeepSeek', 'Mixtral', 'OLMo', 'GPT', 'Bloom', 'T5'];
const SIZES = ['0.5B', '1B', '1.5B', '3B', '7B', '8B', '13B', '14B', '32B', '70B'];
const SIZE_PARAMS = [0.5e9, 1e9, 1.5e9, 3e9, 7e9, 8e9, 13e9, 14e9, 32e9, 70e9];
const SUFFIX: Record<HfRelation, string[]> = {
  finetune: ['Instruct', 'Chat', 'sft', 'dpo', 'orpo', 'math', 'code', 'it', 'v2'],
  adapter: ['lora', 'qlora', 'peft', 'adapter'],
  quantized: ['GGUF', 'AWQ', 'GPTQ', '4bit', '8bit', 'mlx', 'exl2'],
  merge: ['merge', 'slerp', 'ties', 'dare', 'frankenmerge'],
};
const SYLLABLES = ['ka', 'lo', 'mi', 'zen', 'tor', 'vex', 'qua', 'ri', 'so', 'nu', 'pra', 'gle', 'dor', 'fin', 'hal', 'jun', 'kel', 'mor'];

export interface HfTree {
  size: number;
  /** `author/repo`, unique. */
  repoIds: string[];
  authors: string[];
  authorOf: Int32Array;
  /** First parent, -1 for a base; merges' further parents are in `extraParents`. */
  parent: Int32Array;
  extraParents: Map<number, number[]>;
  relation: Uint8Array;
  /** Days since 2021-01-01. */
  createdDay: Uint16Array;
  /** Parameters, inherited from the base's size. */
  parameters: Float64Array;
}

export const relationOf = (tree: HfTree, i: number): HfRelation | null => (tree.parent[i]! < 0 ? null : RELATIONS[tree.relation[i]!]!);
export const parentsOf = (tree: HfTree, i: number): number[] =>
  tree.parent[i]! < 0 ? [] : [tree.parent[i]!, ...(tree.extraParents.get(i) ?? [])];
export const createdAt = (tree: HfTree, i: number): string => new Date(FIRST_DAY + tree.createdDay[i]! * 86_400_000).toISOString();

/**
 * Sampling in proportion to weight, with weights that only grow by one: every unit of weight is a
 * slot in a list, so a draw is one random index (the classic preferential-attachment trick).
 */
class Urn {
  private slots: Int32Array = new Int32Array(1024);
  private length = 0;
  add(item: number): void {
    if (this.length === this.slots.length) {
      const grown = new Int32Array(this.slots.length * 2);
      grown.set(this.slots);
      this.slots = grown;
    }
    this.slots[this.length++] = item;
  }
  draw(rand: () => number): number {
    return this.slots[Math.floor(rand() * this.length)]!;
  }
  get empty(): boolean {
    return this.length === 0;
  }
}

export function generateHfTree(size: number, seed: number): HfTree {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const parent = new Int32Array(size).fill(-1);
  const relation = new Uint8Array(size);
  const createdDay = new Uint16Array(size);
  const parameters = new Float64Array(size);
  const authorOf = new Int32Array(size);
  const extraParents = new Map<number, number[]>();
  const repoIds: string[] = new Array(size);
  const repoNames: string[] = new Array(size);
  const authors: string[] = [];
  /** Next `-vN` to try per id already taken: an author publishing the same name again gets `-v2`, `-v3`… */
  const nextVersion = new Map<string, number>();
  const taken = new Set<string>();
  const authorUrn = new Urn();
  const baseUrn = new Urn();
  const anyUrn = new Urn();
  const rootOf = new Int32Array(size);
  const shares = RELATIONS.map((r) => RELATION_SHARES[r]);
  const drawRelation = () => {
    let u = rand() * shares.reduce((a, b) => a + b, 0);
    for (let k = 0; k < shares.length; k += 1) {
      u -= shares[k]!;
      if (u < 0) return k;
    }
    return 0;
  };
  const newAuthor = () => {
    let name = '';
    for (let s = 0; s < 2 + Math.floor(rand() * 2); s += 1) name += pick(SYLLABLES);
    authors.push(`${name}${authors.length}`);
    return authors.length - 1;
  };
  const drawParent = () => (rand() < 0.5 && !baseUrn.empty ? baseUrn.draw(rand) : anyUrn.draw(rand));

  for (let i = 0; i < size; i += 1) {
    // More models every month: the density of creation days grows linearly over the period.
    createdDay[i] = Math.min(DAYS, Math.floor(DAYS * Math.sqrt((i + rand()) / size)));
    // One author in eight is new; the rest are drawn by how much they published already.
    const author = authorUrn.empty || rand() < 0.125 ? newAuthor() : authorUrn.draw(rand);
    authorOf[i] = author;
    authorUrn.add(author);
    let repo: string;
    if (i === 0 || rand() < ROOT_SHARE) {
      const sizeIndex = Math.floor(rand() * SIZES.length);
      parameters[i] = SIZE_PARAMS[sizeIndex]!;
      repo = `${pick(FAMILIES)}-${1 + Math.floor(rand() * 4)}-${SIZES[sizeIndex]}`;
      rootOf[i] = i;
      // A new base starts with the pull of BASE_FITNESS derivatives, so later bases (Llama 3 after
      // Llama 2) still gather their thousands instead of the first one taking everything.
      for (let k = 0; k < BASE_FITNESS; k += 1) baseUrn.add(i);
    } else {
      const kind = drawRelation();
      relation[i] = kind;
      const first = drawParent();
      parent[i] = first;
      if (RELATIONS[kind] === 'merge') {
        const wanted = rand() < 0.8 ? 2 : rand() < 0.75 ? 3 : 4;
        const others = new Set<number>();
        for (let attempt = 0; others.size < wanted - 1 && attempt < 20; attempt += 1) {
          const other = drawParent();
          if (other !== first) others.add(other);
        }
        if (others.size > 0) extraParents.set(i, [...others]);
      }
      parameters[i] = parameters[first]!;
      repo = `${repoNames[first]}-${pick(SUFFIX[RELATIONS[kind]!])}`;
      // Names stop growing after a few generations, as on the hub (people shorten them).
      if (repo.length > 60) repo = `${repoNames[rootOf[first]!]}-${pick(SUFFIX[RELATIONS[kind]!])}-${i % 97}`;
      rootOf[i] = rootOf[first]!;
      baseUrn.add(rootOf[i]!);
      for (const p of parentsOf({ parent, extraParents } as HfTree, i)) anyUrn.add(p);
    }
    anyUrn.add(i);
    const wanted = `${authors[author]}/${repo}`;
    let id = wanted;
    // "-v2" is also a fine-tune's suffix: the next free version is looked for, not assumed.
    for (let version = nextVersion.get(wanted) ?? 2; taken.has(id); version += 1) {
      id = `${wanted}-v${version}`;
      nextVersion.set(wanted, version + 1);
    }
    taken.add(id);
    repoIds[i] = id;
    repoNames[i] = id.slice(id.indexOf('/') + 1);
  }
  return { size, repoIds, authors, authorOf, parent, extraParents, relation, createdDay, parameters };
}

/** Children of every model as one flat list (CSR): `items[offsets[p] .. offsets[p + 1])` are p's children. */
export interface Children {
  offsets: Int32Array;
  items: Int32Array;
}

export function childrenOf(tree: HfTree): Children {
  const offsets = new Int32Array(tree.size + 1);
  for (let i = 0; i < tree.size; i += 1) for (const p of parentsOf(tree, i)) offsets[p + 1]! += 1;
  for (let i = 0; i < tree.size; i += 1) offsets[i + 1]! += offsets[i]!;
  const items = new Int32Array(offsets[tree.size]!);
  const filled = offsets.slice(0, tree.size);
  for (let i = 0; i < tree.size; i += 1) for (const p of parentsOf(tree, i)) items[filled[p]!++] = i;
  return { offsets, items };
}

/** Distinct descendants of one model (breadth-first over the children). */
export function descendantCount(children: Children, start: number): number {
  const seen = new Uint8Array(children.offsets.length - 1);
  const queue = new Int32Array(seen.length);
  let end = 0;
  queue[end++] = start;
  seen[start] = 1;
  for (let k = 0; k < end; k += 1) {
    const node = queue[k]!;
    for (let j = children.offsets[node]!; j < children.offsets[node + 1]!; j += 1) {
      const child = children.items[j]!;
      if (!seen[child]) {
        seen[child] = 1;
        queue[end++] = child;
      }
    }
  }
  return end - 1;
}
