/** The rules' facts and the rules themselves in a thread of their own (JudgeInWorker): its own heap, its own core. */
import { parentPort } from 'node:worker_threads';
import { CollectedFacts } from './collected-facts.js';
import type { FactRow, JudgeMessage } from './judge-in-worker.js';
import { judge } from './pass.js';

const collected = new CollectedFacts();

function take(row: FactRow): void {
  if (row.method === 'source') collected.source(row.row);
  else if (row.method === 'entity') collected.entity(row.type, row.row);
  else if (row.method === 'citation') collected.citation(row.row);
  else collected.relationship(row.type, row.row);
}

parentPort?.on('message', (message: JudgeMessage) => {
  if (message.kind === 'rows') for (const row of message.rows) take(row);
  else parentPort?.postMessage(judge(collected.facts(), message.options));
});
