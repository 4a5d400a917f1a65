/**
 * Name -> entity, for one catalogue import. A name resolves through, in order: the overrides file,
 * the existing graph (names and aliases, after nameKey), and the entities this import creates.
 * One candidate is a match; several are ambiguous and never merged; none is a new entity (for a
 * record) or an unresolved reference (for a dependency, reported by the planner).
 */
import type { ExistingEntity } from '../existing.js';
import type { Format } from '../records.js';
import { nameKey, slugOf } from './normalise.js';
import type { Overrides, ResolvedKind } from './overrides.js';

export type Resolution =
  | { status: 'matched'; id: string; by: 'name' | 'override' }
  | { status: 'new'; id: string }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unresolved' };

/** Kinds that may be the same thing: a catalogue's application may be a model node of the seed (ChatGPT). */
const MATCHES: Record<ResolvedKind, ResolvedKind[]> = {
  MODEL: ['MODEL'],
  APPLICATION: ['APPLICATION', 'MODEL'],
  DATASET: ['DATASET'],
  ORGANIZATION: ['ORGANIZATION'],
};

export interface NewEntity {
  id: string;
  kind: ResolvedKind;
  name: string;
  aliases: string[];
  /** The row that introduced it. */
  rowKey: string;
}

export class Resolver {
  private readonly graph = new Map<string, Map<ResolvedKind, Set<string>>>();
  private readonly created = new Map<string, Map<ResolvedKind, Set<string>>>();
  private readonly ids = new Set<string>();
  readonly kindOf = new Map<string, ResolvedKind>();
  readonly newEntities = new Map<string, NewEntity>();

  constructor(
    existing: ExistingEntity[],
    private readonly overrides: Overrides,
    private readonly format: Format,
  ) {
    for (const entity of existing) {
      this.ids.add(entity.id);
      if (entity.kind === null) continue;
      this.kindOf.set(entity.id, entity.kind);
      for (const name of [entity.name, ...entity.aliases]) add(this.graph, nameKey(name), entity.kind, entity.id);
    }
  }

  private lookup(index: Map<string, Map<ResolvedKind, Set<string>>>, names: string[], kinds: ResolvedKind[]): Set<string> {
    const out = new Set<string>();
    for (const name of names) {
      const byKind = index.get(nameKey(name));
      for (const kind of kinds) for (const id of byKind?.get(kind) ?? []) out.add(id);
    }
    return out;
  }

  /** A record's entity: matched, new (registered so later rows and dependencies find it), or ambiguous. */
  resolveRecord(name: string, aliases: string[], kind: ResolvedKind, rowKey: string): Resolution {
    const override = this.overrides.find(name, kind, this.format);
    if (override?.id)
      return this.ids.has(override.id)
        ? { status: 'matched', id: override.id, by: 'override' }
        : this.create(name, aliases, kind, rowKey, override.id);
    if (override?.neverMerge) return this.create(name, aliases, kind, rowKey);
    const names = [name, ...aliases];
    const inGraph = this.lookup(this.graph, names, MATCHES[kind]);
    if (inGraph.size === 1) return { status: 'matched', id: [...inGraph][0]!, by: 'name' };
    if (inGraph.size > 1) return { status: 'ambiguous', candidates: [...inGraph].sort() };
    const earlier = this.lookup(this.created, names, MATCHES[kind]);
    // Two rows of one catalogue with one name: the catalogue lists it twice or means two things; a person decides.
    if (earlier.size > 0)
      return { status: 'ambiguous', candidates: [...earlier].sort().map((id) => `${id} (new, from ${this.newEntities.get(id)?.rowKey})`) };
    return this.create(name, aliases, kind, rowKey);
  }

  /** An organization named in a row: the same name in many rows is one organization. */
  resolveOrganization(name: string, rowKey: string): Resolution {
    const override = this.overrides.find(name, 'ORGANIZATION', this.format);
    if (override?.id && this.ids.has(override.id)) return { status: 'matched', id: override.id, by: 'override' };
    if (!override) {
      const inGraph = this.lookup(this.graph, [name], ['ORGANIZATION']);
      if (inGraph.size === 1) return { status: 'matched', id: [...inGraph][0]!, by: 'name' };
      if (inGraph.size > 1) return { status: 'ambiguous', candidates: [...inGraph].sort() };
    }
    const earlier = this.lookup(this.created, [name], ['ORGANIZATION']);
    if (earlier.size === 1) return { status: 'new', id: [...earlier][0]! };
    return this.create(name, [], 'ORGANIZATION', rowKey, override?.id);
  }

  /** What a dependency names, among the given kinds; never creates anything. */
  resolveReference(name: string, kinds: ResolvedKind[]): Resolution {
    const override = kinds.map((kind) => this.overrides.find(name, kind, this.format)).find((o) => o?.id);
    if (override?.id && this.ids.has(override.id)) return { status: 'matched', id: override.id, by: 'override' };
    const candidates = new Set([...this.lookup(this.graph, [name], kinds), ...this.lookup(this.created, [name], kinds)]);
    if (candidates.size === 1) {
      const id = [...candidates][0]!;
      return this.newEntities.has(id) ? { status: 'new', id } : { status: 'matched', id, by: 'name' };
    }
    if (candidates.size > 1) return { status: 'ambiguous', candidates: [...candidates].sort() };
    return { status: 'unresolved' };
  }

  /** Registers a new entity with an id in the seed's style, unique among existing and new ids. */
  create(name: string, aliases: string[], kind: ResolvedKind, rowKey: string, wantedId?: string): Resolution {
    const base = wantedId ?? (slugOf(name) || 'entity');
    let id = base;
    for (let n = 2; this.ids.has(id); n += 1) id = `${base}-${n}`;
    this.ids.add(id);
    this.kindOf.set(id, kind);
    this.newEntities.set(id, { id, kind, name, aliases, rowKey });
    for (const alias of [name, ...aliases]) add(this.created, nameKey(alias), kind, id);
    return { status: 'new', id };
  }
}

function add(index: Map<string, Map<ResolvedKind, Set<string>>>, key: string, kind: ResolvedKind, id: string): void {
  if (key === '') return;
  const byKind = index.get(key) ?? new Map<ResolvedKind, Set<string>>();
  index.set(key, byKind);
  const ids = byKind.get(kind) ?? new Set<string>();
  byKind.set(kind, ids);
  ids.add(id);
}
