/**
 * The alias table as the seed holds it: the name and aliases of each technique the rules extract
 * (rules.ts, EXTRACTED) from seed/techniques.json, read once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AliasEntry } from './aliases.js';
import { EXTRACTED } from './rules.js';

/** The seed folder, resolved from the module (the same relative spot from src/ and dist/). */
export const SEED_DIR = fileURLToPath(new URL('../../../seed/', import.meta.url));

interface NamedEntry {
  id: string;
  name: string;
  aliases?: string[];
}

export function aliasTableFrom(techniques: NamedEntry[]): AliasEntry[] {
  const wanted = new Set<string>(EXTRACTED);
  return techniques.filter((t) => wanted.has(t.id)).map((t) => ({ id: t.id, names: [t.name, ...(t.aliases ?? [])] }));
}

let cached: AliasEntry[] | undefined;
export function seedAliasTable(dir = SEED_DIR): AliasEntry[] {
  if (dir !== SEED_DIR) return aliasTableFrom(JSON.parse(readFileSync(path.join(dir, 'techniques.json'), 'utf8')));
  cached ??= aliasTableFrom(JSON.parse(readFileSync(path.join(dir, 'techniques.json'), 'utf8')));
  return cached;
}
