import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway copy of seed/ with one file changed by `edit`. */
export function seedCopy(file: string, edit: (entries: Array<Record<string, unknown>>) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'llm-graph-seed-'));
  cpSync('seed', dir, { recursive: true });
  const entries = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Array<Record<string, unknown>>;
  edit(entries);
  writeFileSync(path.join(dir, file), JSON.stringify(entries, null, 2));
  return dir;
}
