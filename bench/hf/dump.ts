/**
 * npx tsx bench/hf/dump.ts <models> <file.jsonl> [seed=42]
 *
 * Writes the synthetic Hugging Face tree (bench/hf/tree.ts) as model cards in JSON lines with the
 * hub's field names, the format `npm run import -- hf-model-tree` reads: id (`author/repo`), author,
 * base_model (a string, or a list for a merge), base_model_relation (left out on one fine-tune in
 * ten, as older cards do: the importer infers it), created_at, pipeline_tag, license. Streamed to
 * disk a few thousand lines at a time, so any size fits in memory.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createdAt, generateHfTree, type HfTree, parentsOf, relationOf } from './tree.js';

const LICENSES = ['apache-2.0', 'mit', 'llama3', 'cc-by-nc-4.0', 'other'];

export function hfCard(tree: HfTree, i: number): Record<string, unknown> {
  const relation = relationOf(tree, i);
  const bases = parentsOf(tree, i).map((p) => tree.repoIds[p]!);
  return {
    id: tree.repoIds[i],
    author: tree.authors[tree.authorOf[i]!],
    ...(bases.length === 0 ? {} : { base_model: relation === 'merge' ? bases : bases[0] }),
    ...(relation === null || (relation === 'finetune' && i % 10 === 0) ? {} : { base_model_relation: relation }),
    created_at: createdAt(tree, i),
    pipeline_tag: 'text-generation',
    license: LICENSES[i % LICENSES.length],
  };
}

/** Writes the cards of `tree` to `file`, waiting for the stream to drain: memory stays flat at any size. */
export async function writeHfDump(tree: HfTree, file: string): Promise<void> {
  const out = createWriteStream(file);
  const wait = () => new Promise<void>((resolve) => out.once('drain', () => resolve()));
  let chunk = '';
  for (let i = 0; i < tree.size; i += 1) {
    chunk += `${JSON.stringify(hfCard(tree, i))}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await wait();
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) => out.once('finish', resolve).once('error', reject));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [models, file, seed] = process.argv.slice(2);
  if (!models || !file) {
    console.error('Usage: npx tsx bench/hf/dump.ts <models> <file.jsonl> [seed]');
    process.exit(2);
  }
  const started = Date.now();
  await writeHfDump(generateHfTree(Number(models), Number(seed ?? 42)), file);
  console.log(`wrote ${models} cards to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
