/**
 * npm run resolve -- --report [--json]     candidate duplicates among the graph's entities, with evidence and score
 * npm run resolve -- --apply [--json]      merges the accepted ones (recorded "same", or a match nothing keeps apart)
 * npm run resolve -- --undo <id>           undoes the last merge of <id> (the node and everything it had come back)
 * [--decisions seed/resolution.json]
 *
 * Works on the database of `npm start` (NEO4J_URI, or the embedded Neo4j). A pair in the review queue
 * is decided by adding a "same" or "distinct" entry to the decisions file; the next load and import
 * apply it.
 */
import { parseArgs } from 'node:util';
import { existingFromDatabase } from '../import/existing.js';
import { ResolutionRepository } from '../repositories/resolution.repository.js';
import { Decisions } from '../resolve/decisions.js';
import { type CandidatePair, findDuplicates, undecidedNamesakes } from '../resolve/duplicates.js';
import type { ResolvableEntity } from '../resolve/entity.js';
import { withDatabase } from './with-database.js';

const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};

const USAGE = 'Usage: npm run resolve -- --report | --apply | --undo <id> [--json] [--decisions file]';
let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      report: { type: 'boolean', default: false },
      apply: { type: 'boolean', default: false },
      undo: { type: 'string' },
      json: { type: 'boolean', default: false },
      decisions: { type: 'string', default: 'seed/resolution.json' },
    },
  });
}
try {
  args = parse();
} catch (error) {
  fail(`${(error as Error).message}. ${USAGE}`);
}
const { values } = args!;
if ([values.report, values.apply, values.undo !== undefined].filter(Boolean).length !== 1)
  fail(`Give one of --report, --apply, --undo. ${USAGE}`);
let decisions: Decisions;
try {
  decisions = Decisions.read(values.decisions);
} catch (error) {
  fail((error as Error).message);
}

/** Which of an accepted pair stays: the one a decision names, else the one the documents cite (no catalogue), else the shorter id. */
function keptOf(pair: CandidatePair, byId: Map<string, ResolvableEntity>): [string, string] {
  const named = decisions!.entries.find((d) => d.decision === 'same' && (d.id === pair.a.id || d.id === pair.b.id))?.id;
  if (named !== undefined) return named === pair.a.id ? [pair.a.id, pair.b.id] : [pair.b.id, pair.a.id];
  const weight = (id: string) => [byId.get(id)!.formats.length, id.length, id] as const;
  const [a, b] = [weight(pair.a.id), weight(pair.b.id)];
  return a < b ? [pair.a.id, pair.b.id] : [pair.b.id, pair.a.id];
}

function render(pairs: CandidatePair[], namesakes: Array<[string, string]>): string {
  const line = (p: CandidatePair) =>
    `  ${p.kind} ${p.a.id} ("${p.a.name}") ~ ${p.b.id} ("${p.b.name}"): score ${p.weight}` +
    `${p.decision ? `, decided ${p.decision.decision}: ${p.decision.reason}` : p.related ? ', one is part of the other' : ''}\n` +
    `      ${p.evidence.join('; ')}`;
  const group = (title: string, list: CandidatePair[]) => [`${title}: ${list.length}`, ...list.map(line)];
  return [
    ...group(
      'Accepted (merged by --apply)',
      pairs.filter((p) => p.accepted),
    ),
    ...group(
      'Review queue (decide in seed/resolution.json)',
      pairs.filter((p) => !p.accepted && !p.decision && !p.related),
    ),
    ...group(
      'Decided distinct, or units of one organization',
      pairs.filter((p) => !p.accepted && (p.decision || p.related)),
    ),
    `Namesakes (one kind, one name key, a shared developer) without a "distinct" decision: ${namesakes.length}`,
    ...namesakes.map(([a, b]) => `  ${a} ~ ${b}`),
    '',
  ].join('\n');
}

await withDatabase(async (db) => {
  const repository = new ResolutionRepository(db);
  if (values.undo !== undefined) {
    const { keep } = await repository.undo(values.undo);
    console.log(`Restored ${values.undo} (merged into ${keep}).`);
    return;
  }
  const entities = await existingFromDatabase(db);
  const pairs = findDuplicates(entities, decisions!);
  if (values.report) {
    const namesakes = undecidedNamesakes(entities, decisions!);
    if (values.json) console.log(JSON.stringify({ entities: entities.length, pairs, namesakes }));
    else process.stdout.write(`Resolution report over ${entities.length} entities.\n${render(pairs, namesakes)}`);
    return;
  }
  const byId = new Map(entities.map((e) => [e.id, e]));
  // Merging a into b and b into c must end in one node: follow what each id became.
  const becameOf = new Map<string, string>();
  const now = (id: string): string => (becameOf.has(id) ? now(becameOf.get(id)!) : id);
  const merged: Array<{ keep: string; drop: string }> = [];
  for (const pair of pairs.filter((p) => p.accepted)) {
    const [keep, drop] = keptOf(pair, byId).map(now) as [string, string];
    if (keep === drop) continue;
    await repository.merge(keep, drop, { reason: pair.decision?.reason ?? `score ${pair.weight}`, evidence: pair.evidence });
    becameOf.set(drop, keep);
    merged.push({ keep, drop });
  }
  if (values.json) console.log(JSON.stringify({ merged }));
  else process.stdout.write(`Merged ${merged.length} pair(s).\n${merged.map((m) => `  ${m.drop} -> ${m.keep}`).join('\n')}\n`);
});
