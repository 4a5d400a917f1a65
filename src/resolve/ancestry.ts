import { EntityType } from '../domain/registry.js';
import type { ResolvableEntity } from './entity.js';

/**
 * Each organization with the organizations it is part of (PART_OF, through any depth): the set
 * developer evidence compares, so Google Research's model and Google's share an organization.
 */
export class Ancestry {
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly entity: (id: string) => ResolvableEntity | undefined) {}

  of(id: string): Set<string> {
    const known = this.known.get(id);
    if (known) return known;
    const out = new Set([id]);
    // Set before the parents are read, so a cycle (refused by the write rules) cannot loop.
    this.known.set(id, out);
    const entity = this.entity(id);
    if (entity?.kind === EntityType.ORGANIZATION) for (const parent of entity.developers) for (const a of this.of(parent)) out.add(a);
    return out;
  }
}
