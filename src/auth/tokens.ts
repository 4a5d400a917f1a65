import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiToken, Role } from '../config/config.js';

/** Who made a request: a role and a token fingerprint that is safe to log and record. */
export interface Caller {
  role: Role;
  actor: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Matches a bearer token against the configured ones. Both sides are hashed to equal length and
 * compared with timingSafeEqual, and every configured token is tried, so timing reveals nothing.
 */
export class TokenAuthenticator {
  private readonly known: Array<{ role: Role; hash: Buffer; actor: string }>;

  constructor(tokens: ApiToken[]) {
    this.known = tokens.map(({ role, token }) => ({
      role,
      hash: digest(token),
      actor: `${role}:${digest(token).toString('hex').slice(0, 10)}`,
    }));
  }

  /** The caller for an Authorization header; null when absent or not a known token. */
  authenticate(header: string | undefined): Caller | null {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
    if (!match) return null;
    const presented = digest(match[1]!);
    let found: Caller | null = null;
    for (const entry of this.known) {
      if (timingSafeEqual(entry.hash, presented) && found === null) found = { role: entry.role, actor: entry.actor };
    }
    return found;
  }
}
