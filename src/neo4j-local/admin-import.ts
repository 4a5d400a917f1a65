/**
 * Neo4j's bulk importer (`neo4j-admin database import full`) run against the embedded Neo4j's store,
 * from the jars Maven already resolved for it (neo4j-import-tool, neo4j-command-line; main class
 * org.neo4j.cli.AdminTool). The store must be closed: the caller stops the embedded Neo4j first and
 * starts it again after. The same command works for a Neo4j server a user runs themselves, with
 * that server's `bin/neo4j-admin` and the CSV files (see src/bulk-load/README.md).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LocalNeo4jError, toolMissing } from './errors.js';
import { checkJava } from './local-neo4j.js';
import { resolveClasspath } from './maven.js';

export interface AdminImportOptions {
  /** The embedded Neo4j's data folder: its NEO4J_HOME (the store is in data/databases/<database>). */
  home: string;
  database?: string;
  nodes: Array<{ labels: string[]; file: string }>;
  relationships: Array<{ type: string; file: string }>;
  arrayDelimiter: string;
  multiline: boolean;
  /** Relationships whose ends are missing are skipped, as the MERGE path's MATCH skips them; at most this many. */
  badTolerance: number;
  /** Off-heap memory the importer may take (`--max-off-heap-memory`); its default is 90 % of the machine's. */
  maxOffHeap?: string;
  onProgress?: (line: string) => void;
}

export interface AdminImportResult {
  seconds: number;
  /** Lines of the importer's report: one per skipped entry. */
  skipped: number;
  reportFile: string;
}

/** The arguments after `neo4j-admin`: also what the README prints for a server run by hand. */
export function adminImportArgs(options: AdminImportOptions, reportFile: string): string[] {
  const code = options.arrayDelimiter.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return [
    'database',
    'import',
    'full',
    // Before the options: --nodes and --relationships take every word after them as another file.
    options.database ?? 'neo4j',
    '--overwrite-destination=true',
    `--array-delimiter=U+${code}`,
    `--multiline-fields=${options.multiline}`,
    '--skip-bad-relationships=true',
    `--bad-tolerance=${options.badTolerance}`,
    `--report-file=${reportFile}`,
    ...(options.maxOffHeap ? [`--max-off-heap-memory=${options.maxOffHeap}`] : []),
    ...options.nodes.map((n) => `--nodes=${n.labels.join(':')}=${n.file}`),
    ...options.relationships.map((r) => `--relationships=${r.type}=${r.file}`),
  ];
}

/** Runs the import; rejects with the importer's own last lines when it fails. */
export async function runAdminImport(options: AdminImportOptions): Promise<AdminImportResult> {
  checkJava();
  const classpath = await resolveClasspath(options.onProgress);
  const reportFile = path.join(options.home, 'import.report');
  const args = adminImportArgs(options, reportFile);
  const started = Date.now();
  const tail = await new Promise<string[]>((resolve, reject) => {
    let lines: string[] = [];
    const keep = (line: string) => {
      if (!line) return;
      lines = [...lines.slice(-29), line];
      // Phase names and each tenth of a phase, not every dot.
      if (/^\(\d\/\d\)|IMPORT DONE|Imported:|\d0% ∆/.test(line)) options.onProgress?.(line.replace(/^[.\s-]+/, ''));
    };
    const child = spawn('java', ['-Xmx1g', '-cp', classpath, 'org.neo4j.cli.AdminTool', ...args], {
      env: { ...process.env, NEO4J_HOME: options.home, NEO4J_CONF: path.join(options.home, 'conf') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Whole lines only: a chunk may end inside one ("IMPORT D" + "ONE in 2s").
    const reader = () => {
      let partial = '';
      return {
        data: (chunk: string) => {
          const parts = (partial + chunk).split('\n');
          partial = parts.pop() ?? '';
          for (const part of parts) keep(part.trim());
        },
        end: () => keep(partial.trim()),
      };
    };
    const out = reader();
    const err = reader();
    child.stdout.setEncoding('utf8').on('data', out.data);
    child.stderr.setEncoding('utf8').on('data', err.data);
    child.once('error', () => reject(toolMissing('Java 17 or newer', 'a JDK 17')));
    // 'close', not 'exit': the process may exit before its last lines (IMPORT DONE) are read from the pipes.
    child.once('close', (code) => {
      out.end();
      err.end();
      if (code === 0) resolve(lines);
      else reject(importFailed(code, lines));
    });
  });
  if (!tail.some((line) => line.startsWith('IMPORT DONE'))) throw importFailed(0, tail);
  return { seconds: (Date.now() - started) / 1000, skipped: countLines(reportFile), reportFile };
}

function importFailed(code: number | null, lines: string[]): LocalNeo4jError {
  const errors = lines.filter((l) => /error|exception|failed|invalid/i.test(l)).slice(-3);
  return new LocalNeo4jError(
    `neo4j-admin database import failed (exit code ${code}): ${(errors.length > 0 ? errors : lines.slice(-3)).join(' ')}`,
  );
}

function countLines(file: string): number {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length;
  } catch {
    return 0;
  }
}
