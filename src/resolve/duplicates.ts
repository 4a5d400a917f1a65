/**
 * Candidate duplicates among existing entities (`npm run resolve -- --report`): every pair of one kind
 * that shares a blocking key, scored as the importer scores a row (score.ts), with the decision the
 * file records for it. In memory, one pass over the blocks: fit for a graph of millions of nodes.
 */
import { EntityType } from '../domain/registry.js';
import { Ancestry } from './ancestry.js';
import { BlockIndex } from './blocks.js';
import type { Decision, Decisions } from './decisions.js';
import type { ResolvableEntity } from './entity.js';
import { nameKey } from './names.js';
import { compare, type PairStatus, type Side } from './score.js';

export interface CandidatePair {
  kind: EntityType;
  a: { id: string; name: string };
  b: { id: string; name: string };
  weight: number;
  status: PairStatus;
  evidence: string[];
  /** The recorded decision about the pair, if any. */
  decision?: Pick<Decision, 'decision' | 'reason'>;
  /** Whether the pair is merged by `--apply`: a recorded "same", or a match nothing keeps apart. */
  accepted: boolean;
  /** One is part of the other (PART_OF): a unit and its organization are two things. */
  related?: boolean;
}

export function findDuplicates(entities: ResolvableEntity[], decisions: Decisions): CandidatePair[] {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const index = new BlockIndex();
  for (const entity of entities) index.add(entity);
  const ancestry = new Ancestry((id) => byId.get(id));
  const ancestors = (id: string) => ancestry.of(id);
  const side = (e: ResolvableEntity): Side => ({
    ...e,
    developers: e.kind === EntityType.ORGANIZATION ? [] : e.developers.map(ancestors),
  });

  const pairs: CandidatePair[] = [];
  const seen = new Set<string>();
  for (const entity of entities) {
    for (const otherId of index.candidates(entity.kind, [entity.name, ...entity.aliases])) {
      // Blocking is not symmetric (a prefix is looked up, not filed): each pair once, in id order.
      const key = entity.id < otherId ? `${entity.id}|${otherId}` : `${otherId}|${entity.id}`;
      if (otherId === entity.id || seen.has(key)) continue;
      seen.add(key);
      const [a, b] = entity.id < otherId ? [entity, byId.get(otherId)!] : [byId.get(otherId)!, entity];
      const scored = compare(side(a), side(b));
      const decision = decisions.about({ id: a.id, names: [a.name, ...a.aliases] }, { id: b.id, names: [b.name, ...b.aliases] }, a.kind);
      const related = a.kind === EntityType.ORGANIZATION && (ancestors(a.id).has(b.id) || ancestors(b.id).has(a.id));
      if (scored.status === 'distinct' && decision === undefined) continue;
      pairs.push({
        kind: a.kind,
        a: { id: a.id, name: a.name },
        b: { id: b.id, name: b.name },
        weight: scored.weight,
        status: scored.status,
        evidence: scored.evidence,
        ...(decision && { decision: { decision: decision.decision, reason: decision.reason } }),
        accepted: decision ? decision.decision === 'same' : scored.status === 'match' && !related,
        ...(related && { related }),
      });
    }
  }
  return pairs.sort((x, y) => x.kind.localeCompare(y.kind) || y.weight - x.weight || x.a.id.localeCompare(y.a.id));
}

/**
 * Pairs of one kind with the same name key and a shared developer (or, for kinds without developers,
 * the same name key) that no decision keeps apart: what a resolved graph must not contain.
 */
export function undecidedNamesakes(entities: ResolvableEntity[], decisions: Decisions): Array<[string, string]> {
  const groups = new Map<string, ResolvableEntity[]>();
  for (const e of entities) {
    const key = `${e.kind}|${nameKey(e.name)}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: Array<[string, string]> = [];
  for (const group of groups.values())
    for (let i = 0; i < group.length; i += 1)
      for (let j = i + 1; j < group.length; j += 1) {
        const [a, b] = [group[i]!, group[j]!];
        const shareDeveloper = a.developers.length === 0 || b.developers.length === 0 || a.developers.some((d) => b.developers.includes(d));
        if (!shareDeveloper) continue;
        const decision = decisions.about({ id: a.id, names: [a.name] }, { id: b.id, names: [b.name] }, a.kind);
        if (decision?.decision !== 'distinct') out.push([a.id, b.id]);
      }
  return out;
}
