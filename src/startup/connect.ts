import { Database, type DatabaseOptions } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { StartupError } from './startup-error.js';

const ATTEMPTS = 8;
const PROBE_TIMEOUT_MS = 5_000;

/** The driver's own reason, without its generic "Failed to connect to server. Please ensure…" preamble. */
export function driverReason(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  return (/Caused by: (.*)$/s.exec(message)?.[1] ?? message).trim().replace(/\.$/, '');
}

/**
 * The sentence for an error no retry can fix, or undefined for one worth waiting out (a server
 * still starting, a network that drops packets, a frozen process).
 */
export function permanentCause(
  error: unknown,
  options: Pick<DatabaseOptions, 'uri' | 'user' | 'database'>,
  passwordVariable: string,
): string | undefined {
  const code = String((error as { code?: string })?.code ?? '');
  const reason = driverReason(error);
  const { uri } = options;
  if (code.startsWith('Neo.ClientError.Security.')) {
    return `Neo4j at ${uri} refused the credentials of user "${options.user}" (${reason}): check NEO4J_USER and ${passwordVariable}.`;
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return `Neo4j at ${uri} has no database "${options.database}" (${reason}): create it, or fix NEO4J_DATABASE.`;
  }
  if (/ECONNREFUSED/.test(reason)) return `Nothing accepts connections at ${uri} (${reason}): start Neo4j there, or fix NEO4J_URI.`;
  if (/ENOTFOUND|EAI_NONAME/.test(reason)) return `The host of NEO4J_URI ${uri} does not resolve (${reason}): fix NEO4J_URI.`;
  if (/responded HTTP|Bolt protocol|Unknown Bolt|handshake|protocol version/i.test(reason)) {
    return `${uri} does not speak Bolt (${reason}): point NEO4J_URI at Neo4j's Bolt port (7687 by default).`;
  }
  if (/certificate|SSL|TLS|EPROTO/i.test(reason)) {
    return `The encrypted connection to ${uri} failed (${reason}): use neo4j+s:// only for a server with TLS, bolt:// or neo4j:// otherwise.`;
  }
  if (code.startsWith('Neo.ClientError.')) return `Neo4j at ${uri} refused the connection (${reason}).`;
  return undefined;
}

/**
 * Opens the driver and checks that the server takes our credentials and database: permanent errors
 * end start-up at once with one sentence naming the URI and the driver's reason; transient ones are
 * retried with backoff, each retry saying what it waits for.
 */
export async function connectToNeo4j(options: DatabaseOptions, log: Logger, passwordVariable = 'NEO4J_PASSWORD'): Promise<Database> {
  let database: Database;
  try {
    database = new Database(options);
  } catch (error) {
    throw new StartupError(`NEO4J_URI "${options.uri}" cannot be used (${driverReason(error)}): fix NEO4J_URI.`);
  }
  for (let attempt = 1; ; attempt += 1) {
    try {
      await database.probe(PROBE_TIMEOUT_MS);
      return database;
    } catch (error) {
      const permanent = permanentCause(error, options, passwordVariable);
      if (permanent !== undefined || attempt >= ATTEMPTS) {
        await database.close().catch(() => undefined);
        throw new StartupError(
          permanent ?? `Neo4j at ${options.uri} still did not answer after ${attempt} tries (${driverReason(error)}).`,
        );
      }
      const delayMs = Math.min(500 * 2 ** (attempt - 1), 10_000);
      log.warn(
        { attempt, delayMs, uri: options.uri, reason: driverReason(error) },
        `waiting for Neo4j at ${options.uri} to answer (${driverReason(error)}); next try in ${delayMs / 1000} s`,
      );
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
