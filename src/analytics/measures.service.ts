import type { Logger } from '../logging/logger.js';
import { MEASURES_LAYOUT, type MeasuresRepository } from '../repositories/measures.repository.js';
import { computeInWorker } from './compute-in-worker.js';

export interface MeasuresSchedule {
  /** The graph's data version: measures are recomputed when it moves. */
  currentVersion: () => Promise<string>;
  lineageType: string;
  symmetricTypes: ReadonlySet<string>;
  /** How often the version is checked. */
  pollMs: number;
  /** How long the version must stay still before a recomputation starts (writes come in bursts). */
  quietMs: number;
}

export interface MeasuresStatus {
  computing: boolean;
  version: string | null;
  lastDurationMs: number | null;
  /** Where the last run's time went: reading the graph, computing in the worker, writing back. */
  lastPhases: { readMs: number; computeMs: number; writeMs: number } | null;
  lastError: string | null;
}

/**
 * Keeps the stored measures in step with the graph, in the background: it polls the data version,
 * waits for writes to settle, recomputes in a worker thread and writes the nodes' measures back in
 * bounded batches (MeasuresRepository.write). Reads are never blocked; each node answers with the
 * measures of the run that last wrote it, labelled with the version they were computed from.
 */
export class MeasuresService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private seen: { version: string; since: number } | undefined;
  /** The version our own last write of measures moved the graph to: no reason to recompute for it. */
  private ownVersion: string | undefined;
  private readonly state: MeasuresStatus = {
    computing: false,
    version: null,
    lastDurationMs: null,
    lastPhases: null,
    lastError: null,
  };

  constructor(
    private readonly repository: MeasuresRepository,
    private readonly schedule: MeasuresSchedule,
    private readonly log: Logger,
  ) {}

  get status(): MeasuresStatus {
    return { ...this.state };
  }

  async start(): Promise<void> {
    const latest = await this.repository.latestRun();
    // A run stored in an older layout is recomputed as if the graph had moved.
    this.state.version = latest !== null && latest.layout === MEASURES_LAYOUT ? latest.version : null;
    this.timer = setInterval(() => void this.tick(), this.schedule.pollMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Recomputes now for the current version (tests, and the first run after a load). */
  async recompute(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.run().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    try {
      const version = await this.schedule.currentVersion();
      if (version === this.state.version || version === this.ownVersion) return;
      const now = Date.now();
      if (this.seen?.version !== version) {
        this.seen = { version, since: now };
        return;
      }
      if (now - this.seen.since >= this.schedule.quietMs) await this.recompute();
    } catch (error) {
      this.state.lastError = (error as Error).message;
    }
  }

  private async run(): Promise<void> {
    const started = Date.now();
    this.state.computing = true;
    try {
      const version = await this.schedule.currentVersion();
      // The graph stays referenced through the computation. Letting it go saved 2 GB at 2M models, but the
      // service's own collections during the computation then paused its event loop 7.0 and 7.8 s (2.0 and
      // 5.3 s keeping it; bench/results/measures-hf-2000000.md).
      const { nodes, edges } = await this.repository.readGraph();
      const read = Date.now();
      const measures = await computeInWorker(nodes, edges, {
        lineageType: this.schedule.lineageType,
        symmetricTypes: this.schedule.symmetricTypes,
      });
      const computed = Date.now();
      const written = await this.repository.write(
        {
          version,
          computedAt: new Date().toISOString(),
          communities: measures.communities,
          lineage: measures.lineage,
          betweennessExact: measures.betweennessExact,
          betweennessSources: measures.betweennessSources,
          modularity: measures.modularity,
        },
        measures,
      );
      this.state.version = version;
      // Our own writes moved the version: no reason to recompute for them, unless someone else wrote
      // while we ran (their change is in none of these measures), and then the next tick does.
      this.ownVersion = written.version === undefined || written.changedMeanwhile ? undefined : String(written.version);
      this.state.lastDurationMs = Date.now() - started;
      this.state.lastPhases = { readMs: read - started, computeMs: computed - read, writeMs: Date.now() - computed };
      this.state.lastError = null;
      this.log.info(
        { version, nodes: nodes.length, edges: edges.length, ms: this.state.lastDurationMs, ...this.state.lastPhases },
        'graph measures recomputed',
      );
    } catch (error) {
      this.state.lastError = (error as Error).message;
      this.log.warn({ reason: this.state.lastError }, 'graph measures could not be recomputed; the previous ones stay');
    } finally {
      this.state.computing = false;
    }
  }
}
