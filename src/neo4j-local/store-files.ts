import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The files the service keeps next to the embedded Neo4j's store (never in the repository). */
export const PASSWORD_FILE = 'neo4j-local.password';
export const OWNER_FILE = 'neo4j-local.json';

/** Who started the Neo4j listening for a data folder, so another process can tell whether to reuse it. */
export interface Owner {
  port: number;
  /** The Java process. */
  javaPid: number;
  /** The Node process that started it and stops it with itself. */
  ownerPid: number;
  /** True for `npm run neo4j`, which runs Neo4j for others to use. */
  shared: boolean;
}

/**
 * The password of user neo4j: generated at the first start and kept readable by its owner only,
 * so no other local account can read the graph or write it behind the API's back.
 */
export function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

export function readOwner(dataDir: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dataDir, OWNER_FILE), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

export function writeOwner(dataDir: string, owner: Owner): void {
  writeFileSync(path.join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600 });
}

export function removeOwner(dataDir: string, javaPid: number | undefined): void {
  if (readOwner(dataDir)?.javaPid === javaPid) rmSync(path.join(dataDir, OWNER_FILE), { force: true });
}

export function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Lies beside the store from the moment a bulk import stops Neo4j until its last fix-up is written: found
 * at a start, it means one was cut short and the store is half written. A bulk import only ever begins
 * on an empty store, so deleting the folder loses nothing.
 */
export const BULK_IMPORT_MARKER = 'bulk-import.incomplete';

export const markBulkImport = (dataDir: string): void =>
  writeFileSync(path.join(dataDir, BULK_IMPORT_MARKER), `A bulk import began ${new Date().toISOString()} on an empty store.\n`);

export const clearBulkImport = (dataDir: string): void => rmSync(path.join(dataDir, BULK_IMPORT_MARKER), { force: true });

export const bulkImportCutShort = (dataDir: string): boolean => existsSync(path.join(dataDir, BULK_IMPORT_MARKER));

/** Whether Neo4j or its bulk importer has written a store in the data folder (data/databases); a new folder has none. */
export const storeWritten = (dataDir: string): boolean => existsSync(path.join(dataDir, 'data', 'databases'));
