/**
 * The quality pass of a bulk load into an empty store, off the import's thread: the rows the CSV writer
 * writes (a RowObserver) go to a worker as they are written, which gathers the rules' facts (what the
 * store will hold: the store was empty) and judges them when asked, while the import goes on with
 * neo4j-admin and the passes after it. The import's heap never holds the facts; the caller writes the
 * judgement (writeJudgement) once Neo4j is up.
 */
import { Worker } from 'node:worker_threads';
import type { CitationRow, EntityRow, RelationshipRow, RowObserver, SourceRow } from '../domain/graph-rows.js';
import { type EntityType, RelationType } from '../domain/registry.js';
import { WORKER_HEAP_MB, workerScript } from '../workers/worker-script.js';
import type { FactCitation } from './collected-facts.js';
import type { Judgement, PassOptions } from './pass.js';

export type FactRow =
  | { method: 'source'; row: Pick<SourceRow, 'id' | 'date'> }
  | { method: 'entity'; type: EntityType; row: Pick<EntityRow, 'id' | 'name'> }
  | { method: 'citation'; row: FactCitation }
  | { method: 'relationship'; type: RelationType; row: Pick<RelationshipRow, 'from' | 'to' | 'kind'> };

export type JudgeMessage = { kind: 'rows'; rows: FactRow[] } | { kind: 'judge'; options: PassOptions };

/** Rows per message: few messages, each small enough to copy in a few milliseconds. */
const ROWS_PER_MESSAGE = 20_000;

export class JudgeInWorker implements RowObserver {
  private readonly worker: Worker;
  private rows: FactRow[] = [];
  private failure: Error | undefined;

  constructor() {
    const { script, eval: fromSource } = workerScript(import.meta.url, 'judge.worker');
    this.worker = new Worker(script, { eval: fromSource, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    this.worker.on('error', (error) => {
      this.failure = error;
    });
    // Until it is asked to judge, the worker does not keep the process alive (an import that fails first still ends).
    this.worker.unref();
  }

  source(row: SourceRow): void {
    this.push({ method: 'source', row: { id: row.id, date: row.date } });
  }

  entity(type: EntityType, row: EntityRow): void {
    this.push({ method: 'entity', type, row: { id: row.id, name: row.name } });
  }

  citation(row: CitationRow): void {
    // A mention states no value: nothing for the rules.
    if (row.attribute === null || row.attribute === undefined) return;
    const { entityId, sourceId, ordinal, attribute, value, confidence, rank, hedged, quote } = row;
    this.push({ method: 'citation', row: { entityId, sourceId, ordinal, attribute, value, confidence, rank, hedged, quote } });
  }

  relationship(type: RelationType, row: RelationshipRow): void {
    if (type !== RelationType.DEVELOPED_BY && type !== RelationType.DERIVED_FROM) return;
    this.push({ method: 'relationship', type, row: { from: row.from, to: row.to, kind: row.kind } });
  }

  /** The rules over every row handed over; the worker ends once it has answered. */
  judgement(options: PassOptions = {}): Promise<Judgement> {
    this.flush();
    return new Promise<Judgement>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.worker.ref();
      this.worker.once('message', (judged: Judgement) => {
        resolve(judged);
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`The quality pass's worker stopped (exit code ${code}) before it judged.`)));
      this.worker.postMessage({ kind: 'judge', options } satisfies JudgeMessage);
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }

  private push(row: FactRow): void {
    this.rows.push(row);
    if (this.rows.length >= ROWS_PER_MESSAGE) this.flush();
  }

  private flush(): void {
    if (this.rows.length === 0) return;
    this.worker.postMessage({ kind: 'rows', rows: this.rows } satisfies JudgeMessage);
    this.rows = [];
  }
}
