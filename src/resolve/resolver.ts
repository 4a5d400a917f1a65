/**
 * The resolution stage of an import: name -> entity, in memory (no database round trip per row).
 * A name resolves through, in order: the decisions file (seed/resolution.json), then candidates that
 * share a blocking key with it among the existing entities and those this import creates, each scored
 * (score.ts). One candidate at MATCH is a match; several are ambiguous and never merged; none is a new
 * entity (a row) or an unresolved reference (a dependency: reported, not invented). Pairs between the
 * thresholds go to the review queue: the row becomes its own entity until a person decides.
 */
import { freeId, idOf } from '../domain/ids.js';
import { EntityType } from '../domain/registry.js';
import { Ancestry } from './ancestry.js';
import { BlockIndex } from './blocks.js';
import type { Decisions } from './decisions.js';
import type { ComparableValues, RecordSide, ResolvableEntity } from './entity.js';
import { isGenericAlias, nameKey } from './names.js';
import { type Comparison, compare, NAMED_BY_IDENTITY, NAMED_BY_ROW, type Side } from './score.js';

export type Resolution =
  | { status: 'matched'; id: string; by: 'name' | 'decision' | 'key'; evidence: string[] }
  | { status: 'new'; id: string }
  | { status: 'ambiguous'; candidates: string[] }
  | { status: 'unresolved' };

export interface NewEntity {
  id: string;
  kind: EntityType;
  name: string;
  aliases: string[];
  /** The row that introduced it. */
  rowKey: string;
  /** Plain (unclaimed) properties the row gives, e.g. a product's kind and home page. */
  props?: Record<string, unknown>;
}

/** A pair the scores leave to a person: the row became its own entity; a decision merges it or keeps it apart. */
export interface ReviewItem {
  rowKey: string;
  kind: EntityType;
  name: string;
  /** The entity it was compared with. */
  candidate: string;
  /** The entity the row became. */
  id: string;
  weight: number;
  evidence: string[];
}

export class Resolver {
  private readonly entities = new Map<string, ResolvableEntity>();
  private readonly index = new BlockIndex();
  private readonly taken = new Set<string>();
  private readonly ancestry = new Ancestry((id) => this.entities.get(id));
  /** Entities this import created under an id a decision gave (see claimDecided). */
  private readonly decidedNew = new Set<string>();
  readonly newEntities = new Map<string, NewEntity>();
  readonly reviews: ReviewItem[] = [];
  /** "<format>:<row key>" -> the entities its rows became, for a format whose row keys are stable. */
  private readonly byKey = new Map<string, string[]>();

  constructor(
    existing: ResolvableEntity[],
    private readonly decisions: Decisions,
    private readonly format: string,
    /** The format's row keys name one thing in every snapshot (ParseResult.stableKeys). */
    stableKeys = false,
  ) {
    for (const entity of existing) {
      for (const key of stableKeys ? (entity.keys ?? []) : []) this.byKey.set(key, [...(this.byKey.get(key) ?? []), entity.id]);
      // Every id is taken, so a new entity never reuses a technique's id (an Epoch row "LSTM" is not the technique lstm).
      this.taken.add(entity.id);
      this.entities.set(entity.id, entity);
      this.index.add(entity);
    }
  }

  /**
   * Ids taken outside the entities the resolver was given (a streamed import resolves organizations here
   * but models by their repo id), so every new id is unique across both.
   */
  reserve(ids: Iterable<string>): void {
    for (const id of ids) this.taken.add(id);
  }

  /** A new id by the id rule for this name, unique among every id taken so far (and now taken). */
  freshId(name: string): string {
    const id = freeId(idOf(name), (x) => this.taken.has(x));
    this.taken.add(id);
    return id;
  }

  kindOf(id: string): EntityType | undefined {
    return this.entities.get(id)?.kind;
  }

  nameOf(id: string): string | undefined {
    return this.entities.get(id)?.name;
  }

  /** The organizations that made an entity, as the graph and this import know them. */
  developersOf(id: string): string[] {
    return this.entities.get(id)?.developers ?? [];
  }

  /**
   * The one entity of `kind` (a series) filed under this key ("llama2" for "Llama 2", "llama" for
   * "LLaMA series") that shares a developer (or a parent organization) with `developers`; undefined
   * when none or several: a family is inferred from a name only when nothing else fits.
   */
  familyNamed(key: string, kind: EntityType, developers: string[]): string | undefined {
    const mine = developers.map((d) => this.ancestry.of(d));
    const fits = [...this.index.withKey(kind, key)].filter((id) =>
      this.entities.get(id)!.developers.some((d) => mine.some((m) => [...this.ancestry.of(d)].some((a) => m.has(a)))),
    );
    return fits.length === 1 ? fits[0] : undefined;
  }

  /** A record's entity: matched, new (registered so later rows and dependencies find it), or ambiguous. */
  resolveRecord(record: RecordSide & { rowKey: string }): Resolution {
    const again = this.byCatalogueKey(record);
    if (again) return again;
    const names = [record.name, ...record.aliases];
    if (NAMED_BY_ROW.has(record.kind)) return this.create(record, names);
    const own = this.claimDecided(record);
    if (own) return own;
    const decided = this.decided(names, record.kind);
    if (decided?.createAs !== undefined) return this.create(record, names, decided.createAs);
    if (decided) return decided.resolution!;
    const apart = this.decisions.keptApart(names, record.kind, this.format);
    if (apart === 'all') return this.create(record, names);
    const recordKey = nameKey(record.name);
    const scored = [...this.index.candidates(record.kind, names)]
      .filter((id) => !apart.has(id) && !this.otherRow(id, recordKey))
      .map((id) => ({ id, ...compare(this.recordSide(record), this.sideOf(id)) }))
      .sort((x, y) => y.weight - x.weight);
    let matches = scored.filter((s) => s.status === 'match');
    // A catalogue key names the row's own entity; an identifier of one of its versions may name a sibling variant.
    const keyed = matches.filter((m) => m.evidence.some((e) => e.startsWith('same catalogue key')));
    if (matches.length > 1 && keyed.length === 1) matches = keyed;
    if (matches.length > 1) return { status: 'ambiguous', candidates: matches.map((m) => m.id).sort() };
    if (matches.length === 1) {
      this.learn(matches[0]!.id, names);
      return { status: 'matched', id: matches[0]!.id, by: 'name', evidence: matches[0]!.evidence };
    }
    const created = this.create(record, names);
    if (created.status === 'new') this.queue(record, created.id, scored);
    return created;
  }

  /**
   * The entity an earlier snapshot's row with this very key became (a stable key: a models.dev path):
   * the same row again, whatever its name says now; an entity a decision merged away is followed to the one it is.
   */
  private byCatalogueKey(record: RecordSide & { rowKey: string }): Resolution | undefined {
    const ids = [...new Set((this.byKey.get(`${this.format}:${record.rowKey}`) ?? []).map((id) => this.decisions.target(id)))].filter(
      (id) => this.entities.get(id)?.kind === record.kind,
    );
    if (ids.length !== 1) return undefined;
    this.learn(ids[0]!, [record.name, ...record.aliases]);
    return { status: 'matched', id: ids[0]!, by: 'key', evidence: [`same catalogue key (${this.format} ${record.rowKey})`] };
  }

  /** An organization a row names: the same name in many rows is one organization. */
  resolveOrganization(name: string, rowKey: string, values: ComparableValues = {}): Resolution {
    const organization = { kind: EntityType.ORGANIZATION, name, aliases: [], developers: [], values, format: this.format, rowKey };
    const earlier = [...this.index.candidates(EntityType.ORGANIZATION, [name], true)].find(
      (id) => this.newEntities.has(id) && nameKey(this.entities.get(id)!.name) === nameKey(name),
    );
    if (earlier !== undefined) return { status: 'new', id: earlier };
    return this.resolveRecord(organization);
  }

  /** What a dependency names, among the given kinds: only a name (or non-generic alias) of one entity; never creates anything. */
  resolveReference(name: string, aliases: string[], kinds: EntityType[]): Resolution {
    const names = [name, ...aliases];
    for (const kind of kinds) {
      const decided = this.decided(names, kind);
      if (decided?.resolution) return decided.resolution;
    }
    const candidates = new Set<string>();
    for (const kind of kinds) {
      const apart = this.decisions.keptApart(names, kind, this.format);
      if (apart === 'all') continue;
      for (const id of this.index.candidates(kind, names, true))
        if (!apart.has(id) && this.namedBy(id, names)) candidates.add(this.decisions.target(id));
    }
    if (candidates.size === 1) {
      const id = [...candidates][0]!;
      return this.newEntities.has(id) ? { status: 'new', id } : { status: 'matched', id, by: 'name', evidence: ['named so'] };
    }
    if (candidates.size > 1) return { status: 'ambiguous', candidates: [...candidates].sort() };
    return { status: 'unresolved' };
  }

  /**
   * Registers a new entity with an id by the id rule, unique among existing and new ids, or the id a
   * decision gives one of its names (created under it when the entity does not exist yet).
   */
  create(
    record: Pick<RecordSide, 'kind' | 'name' | 'aliases' | 'developers' | 'values'> & { rowKey: string },
    names = [record.name, ...record.aliases],
    wantedId?: string,
  ): Resolution {
    const own = this.claimDecided(record);
    if (own) return own;
    const base = idOf(record.name);
    const same = this.decisions.sameAs(names, record.kind, this.format)?.id;
    const redirected = this.decisions.target(base);
    const decidedId = wantedId ?? (same !== undefined ? this.decisions.target(same) : redirected !== base ? redirected : undefined);
    if (decidedId !== undefined && this.entities.has(decidedId))
      return this.newEntities.has(decidedId)
        ? { status: 'new', id: decidedId }
        : { status: 'matched', id: decidedId, by: 'decision', evidence: [`a decision makes "${record.name}" ${decidedId}`] };
    const id = decidedId !== undefined && !this.taken.has(decidedId) ? decidedId : freeId(base, (x) => this.taken.has(x));
    if (decidedId !== undefined) this.decidedNew.add(id);
    this.taken.add(id);
    const aliases = [...new Set(names.filter((n) => n !== record.name))];
    const entity: ResolvableEntity = {
      id,
      kind: record.kind,
      name: record.name,
      aliases,
      developers: record.developers,
      values: record.values,
      formats: [this.format],
    };
    this.entities.set(id, entity);
    this.index.add(entity);
    this.newEntities.set(id, { id, kind: record.kind, name: record.name, aliases, rowKey: record.rowKey });
    return { status: 'new', id };
  }

  /**
   * The entity a decision made earlier in this import under this record's own id ("Jacobs University"
   * decided to be jacobs-university-bremen, created before the row of "Jacobs University Bremen"): the
   * record is that entity, and its own name becomes the entity's name.
   */
  private claimDecided(record: Pick<RecordSide, 'kind' | 'name' | 'aliases'>): Resolution | undefined {
    const id = idOf(record.name);
    if (!this.decidedNew.has(id) || this.entities.get(id)?.kind !== record.kind) return undefined;
    const created = this.newEntities.get(id)!;
    if (created.name !== record.name) {
      const aliases = [...new Set([created.name, ...created.aliases, ...record.aliases])].filter((a) => a !== record.name);
      Object.assign(created, { name: record.name, aliases });
      const entity = { ...this.entities.get(id)!, name: record.name, aliases };
      this.entities.set(id, entity);
      this.index.add(entity);
    }
    return { status: 'new', id };
  }

  /** A "same" decision about one of the names: its entity, or the id to create it under when it does not exist yet. */
  private decided(names: string[], kind: EntityType): { resolution?: Resolution; createAs?: string } | undefined {
    const same = this.decisions.sameAs(names, kind, this.format);
    if (same?.id === undefined) return undefined;
    const id = this.decisions.target(same.id);
    if (!this.entities.has(id)) return { createAs: id };
    if (this.newEntities.has(id)) return { resolution: { status: 'new', id } };
    this.learn(id, names);
    return { resolution: { status: 'matched', id, by: 'decision', evidence: [same.reason] } };
  }

  /**
   * A row of this catalogue matched an existing entity: from now on the entity holds the row's names
   * and is cited by the catalogue, as the graph will after the import, so later rows decide as a
   * second import would ("Word2Vec (large)" is another row than the "Word2Vec (small)" that matched).
   */
  private learn(id: string, names: string[]): void {
    const entity = this.entities.get(id)!;
    const fresh = names.filter((n) => n !== entity.name && !entity.aliases.includes(n));
    const learned = { ...entity, aliases: [...entity.aliases, ...fresh], formats: [...new Set([...entity.formats, this.format])] };
    this.entities.set(id, learned);
    this.index.add(learned);
  }

  /**
   * Another row of this very catalogue (cited by it, none of its names the record's): never the same
   * thing, so not even scored (score.ts says so too; this keeps a bulk import linear).
   */
  private otherRow(id: string, recordKey: string): boolean {
    const entity = this.entities.get(id)!;
    if (!entity.formats.includes(this.format) || NAMED_BY_IDENTITY.has(entity.kind)) return false;
    return !this.keysOf(entity).has(recordKey);
  }

  /** The name keys of an entity's name and aliases, computed once per version of the entity. */
  private keysOf(entity: ResolvableEntity): Set<string> {
    let keys = this.nameKeysOf.get(entity);
    if (keys === undefined) {
      keys = new Set([entity.name, ...entity.aliases].map(nameKey));
      this.nameKeysOf.set(entity, keys);
    }
    return keys;
  }
  private readonly nameKeysOf = new WeakMap<ResolvableEntity, Set<string>>();

  /** True when one of the names is a name or a non-generic alias of the entity (a reference has nothing else to go on). */
  private namedBy(id: string, names: string[]): boolean {
    const entity = this.entities.get(id)!;
    const keys = new Set(names.map(nameKey));
    const compact = new Set([...keys].map((k) => k.replaceAll(' ', '')));
    const hit = (name: string) => keys.has(nameKey(name)) || compact.has(nameKey(name).replaceAll(' ', ''));
    return hit(entity.name) || entity.aliases.some((alias) => !isGenericAlias(alias, entity.kind) && hit(alias));
  }

  private queue(record: RecordSide & { rowKey: string }, id: string, scored: Array<Comparison & { id: string }>): void {
    for (const s of scored.filter((x) => x.status === 'review'))
      this.reviews.push({
        rowKey: record.rowKey,
        kind: record.kind,
        name: record.name,
        candidate: s.id,
        id,
        weight: s.weight,
        evidence: s.evidence,
      });
  }

  private recordSide(record: RecordSide): Side {
    return { ...record, developers: record.developers.map((d) => this.ancestry.of(d)), formats: [record.format] };
  }

  private sideOf(id: string): Side {
    const entity = this.entities.get(id)!;
    const developers = entity.kind === EntityType.ORGANIZATION ? [] : entity.developers.map((d) => this.ancestry.of(d));
    return { ...entity, developers };
  }
}
