import type { DatabaseOptions } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { MEASURES_LAYOUT, type MeasuresRepository } from '../repositories/measures.repository.js';
import { measureInProcess } from './measure-in-process.js';

export interface MeasuresSchedule {
  /** The graph's data version: measures are recomputed when it moves. */
  currentVersion: () => Promise<string>;
  lineageType: string;
  symmetricTypes: ReadonlySet<string>;
  /** How often the version is checked. */
  pollMs: number;
  /** How long the version must stay still before a recomputation starts (writes come in bursts). */
  quietMs: number;
  /** How the measures' own process connects to Neo4j. */
  connection: DatabaseOptions;
}

export interface MeasuresStatus {
  computing: boolean;
  version: string | null;
  lastDurationMs: number | null;
  /** Where the last run's time went: reading the graph, computing, writing back. */
  lastPhases: { readMs: number; computeMs: number; writeMs: number } | null;
  lastError: string | null;
}

/**
 * Keeps the stored measures in step with the graph, in the background: it polls the data version,
 * waits for writes to settle, and has a process of its own read the graph, compute and write the
 * nodes' measures back in bounded batches (measure-in-process.ts). Reads are never blocked; each node
 * answers with the measures of the run that last wrote it, labelled with the version they were computed from.
 */
export class MeasuresService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private readonly stopping = new AbortController();
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
    this.stopping.abort();
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
      const { written, phases, nodes, edges } = await measureInProcess(
        this.schedule.connection,
        { version, lineageType: this.schedule.lineageType, symmetricTypes: [...this.schedule.symmetricTypes] },
        this.stopping.signal,
      );
      this.state.version = version;
      // Our own writes moved the version: no reason to recompute for them, unless someone else wrote
      // while we ran (their change is in none of these measures), and then the next tick does.
      this.ownVersion = written.version === undefined || written.changedMeanwhile ? undefined : String(written.version);
      this.state.lastDurationMs = Date.now() - started;
      this.state.lastPhases = phases;
      this.state.lastError = null;
      this.log.info({ version, nodes, edges, ms: this.state.lastDurationMs, ...this.state.lastPhases }, 'graph measures recomputed');
    } catch (error) {
      this.state.lastError = (error as Error).message;
      this.log.warn({ reason: this.state.lastError }, 'graph measures could not be recomputed; the previous ones stay');
    } finally {
      this.state.computing = false;
    }
  }
}
