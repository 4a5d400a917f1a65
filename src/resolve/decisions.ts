/**
 * seed/resolution.json: the reviewed decisions of entity resolution, applied on every load and import.
 *
 *   { "decision": "same", "kind": "MODEL", "id": "gpt-3", "name": "GPT-3 175B (davinci)", "reason": "…", "evidence": ["…"] }
 *       a thing named so (by any catalogue, or the node with that name) is the entity `id`
 *   { "decision": "same", "kind": "ORGANIZATION", "id": "moonshot-ai", "other": "moonshot", … }
 *       the entity `other` is the entity `id` (merged into it; `other` redirects to `id`)
 *   { "decision": "distinct", "kind": "MODEL", "id": "palm-2-otter", "name": "Otter", … }
 *       a thing named so is never the entity `id` (nor `other`, with `other`)
 *   { "decision": "distinct", "kind": "PRODUCT", "name": "Gemini", "format": "ecosystem-graphs", … }
 *       a thing named so is never merged with anything by its name
 * `format` narrows a decision to one catalogue. Every decision gives its reason; `evidence` lists what
 * was weighed (developer, date, size, key), so a reviewer can check it without the graph.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ENTITY_TYPES, type EntityType } from '../domain/registry.js';
import { idRule } from '../domain/write-rules.js';
import { nameKey } from './names.js';

/** The decisions file shipped with the service (same relative spot from src/ and dist/). */
export const DECISIONS_FILE = fileURLToPath(new URL('../../seed/resolution.json', import.meta.url));

const decision = z
  .strictObject({
    decision: z.enum(['same', 'distinct']),
    kind: z.enum(ENTITY_TYPES as [EntityType, ...EntityType[]]),
    id: idRule.optional(),
    name: z.string().min(1).optional(),
    other: idRule.optional(),
    format: z.string().min(1).optional(),
    reason: z.string().min(1),
    evidence: z.array(z.string().min(1)).optional(),
  })
  .refine((d) => d.name === undefined || d.other === undefined, { message: 'give "name" or "other", not both' })
  .refine((d) => d.id !== undefined || (d.decision === 'distinct' && d.name !== undefined), {
    message: 'a decision names an "id" (only "distinct" may give a name alone)',
  })
  .refine((d) => d.name !== undefined || d.other !== undefined, { message: 'a decision needs a "name" or an "other" id' });

const file = z.strictObject({ $comment: z.string().optional(), decisions: z.array(decision) });
export type Decision = z.infer<typeof decision>;

/** The decisions, indexed for the resolver (by name key) and for merges (by id). */
export class Decisions {
  private readonly byName = new Map<string, Decision[]>();
  /** `other` -> `id` for every "same" decision between two ids. */
  readonly redirects = new Map<string, string>();
  private readonly distinctPairs = new Set<string>();

  constructor(readonly entries: Decision[] = []) {
    for (const d of entries) {
      if (d.name !== undefined) {
        const key = nameKey(d.name);
        this.byName.set(key, [...(this.byName.get(key) ?? []), d]);
      }
      if (d.other !== undefined && d.id !== undefined) {
        if (d.decision === 'same') this.redirects.set(d.other, d.id);
        else this.distinctPairs.add(pairKey(d.id, d.other));
      }
    }
  }

  /** Where an id redirects to after the "same" decisions (itself when none), following chains. */
  target(id: string): string {
    let current = id;
    for (let hops = 0; hops < 20 && this.redirects.has(current); hops += 1) current = this.redirects.get(current)!;
    return current;
  }

  /** The decisions about one name of this kind in this catalogue (those without a format apply to every catalogue). */
  forName(name: string, kind: EntityType, format?: string): Decision[] {
    return (this.byName.get(nameKey(name)) ?? []).filter((d) => d.kind === kind && (d.format === undefined || d.format === format));
  }

  /** The entity a "same" decision gives a name, if any (the most specific: with a format first). */
  sameAs(names: string[], kind: EntityType, format?: string): Decision | undefined {
    const found = names.flatMap((name) => this.forName(name, kind, format)).filter((d) => d.decision === 'same');
    return found.sort((a, b) => Number(b.format !== undefined) - Number(a.format !== undefined))[0];
  }

  /** Ids a "distinct" decision keeps these names away from; `all` when a decision forbids any merge by name. */
  keptApart(names: string[], kind: EntityType, format?: string): Set<string> | 'all' {
    const ids = new Set<string>();
    for (const d of names.flatMap((name) => this.forName(name, kind, format))) {
      if (d.decision !== 'distinct') continue;
      if (d.id === undefined) return 'all';
      ids.add(d.id);
    }
    return ids;
  }

  /** A recorded decision about two entities (by ids, or one id and the other's name), if any. */
  about(a: { id: string; names: string[] }, b: { id: string; names: string[] }, kind: EntityType): Decision | undefined {
    if (this.distinctPairs.has(pairKey(a.id, b.id))) return this.entries.find((d) => d.other !== undefined && samePair(d, a.id, b.id));
    const redirected = this.target(a.id) === this.target(b.id);
    if (redirected) return this.entries.find((d) => d.decision === 'same' && d.other !== undefined && samePair(d, a.id, b.id));
    for (const [one, two] of [
      [a, b],
      [b, a],
    ] as const) {
      const found = two.names.flatMap((name) => this.forName(name, kind)).find((d) => d.id === one.id);
      if (found) return found;
    }
    return undefined;
  }

  static read(path: string = DECISIONS_FILE): Decisions {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${path} could not be read as JSON (${(error as Error).message}).`);
    }
    const parsed = file.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${path}: ${issue.path.join('.') || 'file'}: ${issue.message}.`);
    }
    return new Decisions(parsed.data.decisions);
  }
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const samePair = (d: Decision, a: string, b: string) => pairKey(d.id!, d.other!) === pairKey(a, b);
