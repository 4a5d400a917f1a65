/**
 * Curators' decisions on flagged values (`seed/quality-accepted.json`): a value a rule doubts that a
 * person checked and believes, with why (GloVe (6B)'s "6B" counts training tokens, not parameters).
 * An accepted value is not flagged; the file is reviewable like the other decision files in seed/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { claimKey, type Finding, QualityRule } from './facts.js';

export const ACCEPTED_FILE = fileURLToPath(new URL('../../seed/quality-accepted.json', import.meta.url));

const decision = z.strictObject({
  entity: z.string(),
  attribute: z.string(),
  rule: z.enum(QualityRule),
  /** The accepted value; a finding with another value is still flagged. */
  value: z.unknown(),
  why: z.string().min(1),
});
const file = z.strictObject({ $comment: z.string().optional(), accepted: z.array(decision) });
export type Accepted = z.infer<typeof decision>;

export function readAccepted(path = ACCEPTED_FILE): Accepted[] {
  if (!existsSync(path)) return [];
  const parsed = file.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
  return parsed.data.accepted;
}

/** The findings no decision accepts, and how many were accepted. */
export function withoutAccepted(findings: Finding[], accepted: Accepted[]): { kept: Finding[]; accepted: number } {
  const matches = (f: Finding) =>
    accepted.some(
      (a) =>
        a.entity === f.entityId && a.attribute === f.attribute && a.rule === f.rule && JSON.stringify(a.value) === JSON.stringify(f.value),
    );
  const kept = findings.filter((f) => !matches(f));
  return { kept, accepted: new Set(findings.filter(matches).map(claimKey)).size };
}
