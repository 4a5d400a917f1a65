import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const MAX_OPERATION_NAMES = 100;

/** Prometheus metrics of one service instance, served at GET /metrics. */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok or the first error code).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly roundTrips = new Histogram({
    name: 'graphql_request_cypher_round_trips',
    help: 'Cypher round trips per GraphQL request.',
    buckets: [0, 1, 2, 3, 5, 10, 20],
    registers: [this.registry],
  });
  private readonly cache = new Counter({
    name: 'graphql_response_cache_total',
    help: 'GraphQL reads answered from the response cache (hit), revalidated by ETag (not_modified) or executed (miss).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly prepared = new Counter({
    name: 'graphql_prepared_total',
    help: 'GraphQL reads run from their compiled form without Apollo Server: answered, or handed to Apollo with their errors.',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly names = new Set<string>();

  /** `database`: the driver's counters (round trips sent, sessions open), read at each scrape. */
  constructor(database: { readonly roundTrips: number; readonly activeSessions: number }) {
    collectDefaultMetrics({ register: this.registry });
    new Counter({
      name: 'neo4j_round_trips_total',
      help: 'Cypher statements sent to Neo4j.',
      registers: [this.registry],
      collect() {
        this.reset();
        this.inc(database.roundTrips);
      },
    });
    new Gauge({
      name: 'neo4j_sessions_active',
      help: 'Driver sessions open now (each holds a pooled connection).',
      registers: [this.registry],
      collect() {
        this.set(database.activeSessions);
      },
    });
  }

  cacheOutcome(outcome: 'hit' | 'miss' | 'not_modified'): void {
    this.cache.inc({ outcome });
  }

  preparedOutcome(outcome: 'answered' | 'errors'): void {
    this.prepared.inc({ outcome });
  }

  /** Operation names come from clients, so only well-formed ones, and only the first hundred, become labels. */
  private label(operation: string | undefined | null): string {
    if (!operation || !/^[A-Za-z_]\w{0,63}$/.test(operation)) return 'anonymous';
    if (this.names.has(operation) || this.names.size < MAX_OPERATION_NAMES) {
      this.names.add(operation);
      return operation;
    }
    return 'other';
  }

  record(operation: string | undefined | null, outcome: string, seconds: number, roundTrips: number): void {
    const name = this.label(operation);
    this.requests.inc({ operation: name, outcome });
    this.duration.observe({ operation: name }, seconds);
    this.roundTrips.observe(roundTrips);
  }
}
