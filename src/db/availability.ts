/**
 * Whether the database can be asked at all, as the process that runs it knows: the embedded Neo4j's
 * supervisor (src/neo4j-local/supervisor.ts) says when it is restarting it or has given up, and the
 * GraphQL executor and the probes answer 503 with that sentence meanwhile instead of waiting on a
 * driver that cannot connect. A Neo4j the service does not run is always `up` here: its outages show
 * as the driver's errors (SERVICE_UNAVAILABLE).
 */
export type AvailabilityState =
  | { state: 'up' }
  | { state: 'restarting'; reason: string; retryAfterS: number }
  | { state: 'failed'; reason: string };

export class DatabaseAvailability {
  private current: AvailabilityState = { state: 'up' };

  get now(): AvailabilityState {
    return this.current;
  }

  up(): void {
    this.current = { state: 'up' };
  }

  restarting(reason: string, retryAfterS: number): void {
    this.current = { state: 'restarting', reason, retryAfterS };
  }

  failed(reason: string): void {
    this.current = { state: 'failed', reason };
  }
}
