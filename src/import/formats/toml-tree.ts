/**
 * The TOML files of a folder tree (models.dev's layout), parsed with smol-toml. A git checkout made
 * without symbolic links stores a link as a text file holding its target ("../../zai/models/glm-4.6.toml"):
 * such a file is followed (a few hops, never out of the tree), and a link to a file the tree lacks is a
 * problem of its row, as a file smol-toml refuses is.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse, TomlError } from 'smol-toml';
import { type Problem, RowProblem } from '../records.js';

export interface TomlFile {
  /** Path from the tree's root, with forward slashes: "models/openai/gpt-5.toml". */
  key: string;
  /** The text the values were read from (the link's target for a link). */
  text: string;
  data: Record<string, unknown>;
}

const MAX_LINK_HOPS = 5;
/** A stored link: one relative path to a .toml file, nothing else. */
const LINK = /^\.{1,2}\/[^\n]*\.toml$/;

/** Every .toml file under `root/dir`, in path order; directories the tree lacks give none. */
export function tomlFiles(root: string, dir: string): string[] {
  const base = path.join(root, dir);
  if (!existsSync(base)) return [];
  return readdirSync(base, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.toml'))
    .map((file) => `${dir}/${file.split(path.sep).join('/')}`)
    .filter((key) => statSync(path.join(root, key)).isFile())
    .sort();
}

/** The text of a file, following stored links inside the tree. */
function textOf(root: string, key: string): string {
  let full = path.join(root, key);
  let text = readFileSync(full, 'utf8');
  for (let hops = 0; LINK.test(text.trim()); hops += 1) {
    const target = path.resolve(path.dirname(full), text.trim());
    const inside = path.relative(root, target);
    if (hops >= MAX_LINK_HOPS || inside.startsWith('..'))
      throw new RowProblem('malformed', `the link "${text.trim()}" leads out of the snapshot or round in circles.`);
    if (!existsSync(target)) throw new RowProblem('malformed', `the link "${text.trim()}" names a file the snapshot does not have.`);
    full = target;
    text = readFileSync(full, 'utf8');
  }
  return text;
}

/** Reads one file: its values, or a problem naming why it cannot be read. */
export function readToml(root: string, key: string): TomlFile | Problem {
  try {
    const text = textOf(root, key);
    return { key, text, data: parse(text) as Record<string, unknown> };
  } catch (error) {
    if (error instanceof RowProblem) return { rowKey: key, kind: error.kind, reason: error.message };
    if (error instanceof TomlError) return { rowKey: key, kind: 'malformed', reason: `not TOML: ${error.message.split('\n')[0]}` };
    throw error;
  }
}

export const isProblem = (value: TomlFile | Problem): value is Problem => 'reason' in value;

/**
 * The line of `text` that states `key` (in `[table]` when given, at the top otherwise), verbatim, for a
 * citation's quote; undefined when the value spans lines or the key is not written there (inherited).
 */
export function lineOf(text: string, key: string, table?: string): string | undefined {
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const header = /^\s*\[\[?([^\]]+)\]\]?\s*$/.exec(line);
    if (header) {
      current = header[1]!.trim();
      continue;
    }
    if (current === table && new RegExp(`^\\s*${key}\\s*=`).test(line)) {
      const trimmed = line.trim();
      return /[[{]$/.test(trimmed) ? undefined : trimmed;
    }
  }
  return undefined;
}
