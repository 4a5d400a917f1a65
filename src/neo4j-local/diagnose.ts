import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/** Where Neo4j writes its own account of a failed start (under the store folder, which is its home). */
export const debugLogOf = (dataDir: string) => path.join(dataDir, 'logs', 'debug.log');

export function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What a file gained since it had `from` bytes (at most the last 256 KB of it). */
export function readSince(file: string, from: number): string {
  const size = fileSize(file);
  const start = Math.max(from, size - 256 * 1024);
  if (size <= start) return '';
  const buffer = Buffer.alloc(size - start);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    closeSync(fd);
  }
  return buffer.toString('utf8');
}

/**
 * One sentence on why the embedded Neo4j did not start, from its output and what this start added
 * to debug.log, where Neo4j writes the root cause the launcher's stack trace hides.
 */
export function explainFailedStart(details: {
  dataDir: string;
  port: number;
  exitCode: number | null;
  output: string;
  debugLog: string;
}): string {
  const { dataDir, port, output, debugLog } = details;
  const text = `${output}\n${debugLog}`;
  if (/Transaction logs are missing and recovery is not possible/i.test(text)) {
    return `The embedded Neo4j store in ${dataDir} cannot be opened: its transaction logs are missing and recovery is not possible (usually an interrupted first start); if it holds nothing you need, delete ${dataDir} and start again (the graph is loaded anew), otherwise see "Troubleshooting" in the README.`;
  }
  if (/FileLockException|locked by another process|Lock file has been locked/i.test(text)) {
    return `The embedded Neo4j store in ${dataDir} is locked by another process (another Neo4j uses this NEO4J_LOCAL_DATA): stop that process, or set NEO4J_LOCAL_DATA to another folder.`;
  }
  if (/Address already in use|BindException/i.test(text)) {
    return `Port ${port} (NEO4J_LOCAL_PORT) is already in use: stop what listens there, or set NEO4J_LOCAL_PORT to a free port.`;
  }
  const last =
    output
      .trim()
      .split('\n')
      .filter((line) => line.trim() && !/^\s+at /.test(line))
      .at(-1) ?? 'no output';
  return `The embedded Neo4j exited with code ${details.exitCode} before it was ready (${last.trim()}); its log is ${debugLogOf(dataDir)}.`;
}

/** Lines of Neo4j's log and output that name why a running Neo4j ended, most telling first. */
const EXIT_CAUSES: Array<[RegExp, string]> = [
  [/[^\n]*OutOfMemoryError[^\n]*/, 'it ran out of memory'],
  [/[^\n]*(?:corrupt|inconsistent|checksum mismatch)[^\n]*/i, 'its store looks damaged'],
  [/[^\n]*No space left on device[^\n]*/i, 'its disk is full'],
];

/**
 * One phrase on why the embedded Neo4j ended after it was up: the exit code or signal, and the line
 * of its log or output that names an out-of-memory, a damaged store or a full disk, when one does.
 */
export function explainExit(exit: { code: number | null; signal: string | null }, output: string, debugLog: string): string {
  const how =
    exit.signal === 'SIGKILL'
      ? 'was killed by SIGKILL (as the out-of-memory killer does)'
      : exit.signal !== null
        ? `was stopped by ${exit.signal}`
        : `exited with code ${exit.code}`;
  for (const [pattern, meaning] of EXIT_CAUSES) {
    const line = (pattern.exec(debugLog) ?? pattern.exec(output))?.[0]?.trim();
    if (line) return `${how}: ${meaning} ("${line.slice(0, 200)}")`;
  }
  return how;
}
