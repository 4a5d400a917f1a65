/**
 * seed/import-overrides.json: reviewable decisions the name matcher cannot make on its own.
 *   { "name": "Google Deepmind", "kind": "ORGANIZATION", "id": "google-deepmind" }  this name is that entity
 *   { "name": "Gemini", "kind": "MODEL", "neverMerge": true }  this name always stays its own entity
 * `kind` and `format` narrow an entry to one entity kind or one catalogue.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FORMATS } from '../records.js';
import { nameKey } from './normalise.js';

export const ENTITY_KINDS = ['MODEL', 'ORGANIZATION', 'DATASET', 'PRODUCT'] as const;
export type ResolvedKind = (typeof ENTITY_KINDS)[number];

const entry = z
  .object({
    name: z.string().min(1),
    kind: z.enum(ENTITY_KINDS).optional(),
    format: z.enum(FORMATS).optional(),
    id: z.string().min(1).optional(),
    neverMerge: z.literal(true).optional(),
    why: z.string().optional(),
  })
  .strict()
  .refine((e) => (e.id === undefined) !== (e.neverMerge === undefined), { message: 'give exactly one of "id" or "neverMerge"' });

const file = z.object({ $comment: z.string().optional(), overrides: z.array(entry) }).strict();
export type Override = z.infer<typeof entry>;

export class Overrides {
  private readonly byKey = new Map<string, Override[]>();
  constructor(readonly entries: Override[] = []) {
    for (const e of entries) {
      const key = nameKey(e.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), e]);
    }
  }

  /** The most specific entry for a name of this kind in this catalogue, if any. */
  find(name: string, kind: ResolvedKind, format: string): Override | undefined {
    const candidates = (this.byKey.get(nameKey(name)) ?? []).filter(
      (e) => (e.kind === undefined || e.kind === kind) && (e.format === undefined || e.format === format),
    );
    return candidates.sort((a, b) => specificity(b) - specificity(a))[0];
  }

  static read(path: string): Overrides {
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
    return new Overrides(parsed.data.overrides);
  }
}

const specificity = (e: Override) => (e.kind ? 1 : 0) + (e.format ? 2 : 0);
