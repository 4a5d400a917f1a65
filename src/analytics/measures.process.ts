/**
 * The measures' own process (measure-in-process.ts starts it): it connects to Neo4j, reads the whole
 * graph, computes and writes the measures back, answers with what it did, and exits. Its heap and its
 * collections are its own: in a worker thread of the service, the service's collections paused its
 * requests for seconds at two million models (bench/results/measures-hf-2000000.md).
 */
import { Database, type DatabaseOptions } from '../db/database.js';
import { MeasuresRepository } from '../repositories/measures.repository.js';
import { measureAndWrite, type MeasuresRequest } from './measure-and-write.js';
import type { FromMeasuresProcess } from './measure-in-process.js';

const answer = (message: FromMeasuresProcess) =>
  new Promise<void>((resolve) => {
    process.send!(message, () => resolve());
  });

let answered = false;
// Without the service there is no one to answer: stop.
process.once('disconnect', () => {
  if (!answered) process.exit(1);
});
process.once('message', async ({ connection, request }: { connection: DatabaseOptions; request: MeasuresRequest }) => {
  const database = new Database({ ...connection, maxPoolSize: 2 });
  try {
    await answer({ outcome: await measureAndWrite(new MeasuresRepository(database), request) });
  } catch (error) {
    await answer({ error: (error as Error).message });
  } finally {
    answered = true;
    await database.close();
    process.disconnect();
  }
});
