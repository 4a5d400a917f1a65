/**
 * Blocking: which pairs are compared at all. Every name and alias of an entity is filed under its
 * keys (names.ts nameKeys: exact, compact, stripped, family), per kind, in memory; a query collects
 * the entities sharing any key. A looser key shared by very many entities ("llama2" across thousands
 * of fine-tunes) is too generic to block on and is skipped, so a lookup stays bounded at any scale.
 */
import type { EntityType } from '../domain/registry.js';
import type { ResolvableEntity } from './entity.js';
import { nameKeys } from './names.js';

/** Past this many entities, a looser key is not used for candidates. */
export const BLOCK_CAP = 200;
/** Past this many, not even an exact key is: a name thousands of things share ("Llama-3-8B-GGUF" across uploaders) identifies none. */
export const EXACT_BLOCK_CAP = 2_000;

const block = (kind: EntityType, key: string) => `${kind}|${key}`;

export class BlockIndex {
  private readonly blocks = new Map<string, Set<string>>();

  add(entity: Pick<ResolvableEntity, 'id' | 'kind' | 'name' | 'aliases'>): void {
    for (const name of [entity.name, ...entity.aliases])
      for (const { key } of nameKeys(name, entity.kind)) {
        const at = block(entity.kind, key);
        const ids = this.blocks.get(at) ?? new Set<string>();
        this.blocks.set(at, ids);
        ids.add(entity.id);
      }
  }

  /** Ids of this kind filed under one key. */
  withKey(kind: EntityType, key: string): ReadonlySet<string> {
    return this.blocks.get(block(kind, key)) ?? new Set();
  }

  /** Ids of this kind sharing a key with one of the names (exact keys only, with `exactOnly`). */
  candidates(kind: EntityType, names: string[], exactOnly = false): Set<string> {
    const out = new Set<string>();
    for (const name of names)
      for (const { level, key } of nameKeys(name, kind, true)) {
        if (exactOnly && level !== 'exact' && level !== 'compact') continue;
        const ids = this.blocks.get(block(kind, key));
        if (ids === undefined || ids.size > (level === 'exact' ? EXACT_BLOCK_CAP : BLOCK_CAP)) continue;
        for (const id of ids) out.add(id);
      }
    return out;
  }
}
