import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SeedRepository } from '../repositories/seed.repository.js';
import { toGraphML } from '../seed/graphml.js';
import { formatDataset, rowsToDataset, writeDatasetFiles } from '../seed/seed-files.js';
import { withDatabase } from './with-database.js';

// npm run export [-- --out seed] [-- --graphml export/llm-graph.graphml]: the graph back in the seed format, and as GraphML.
const { values } = parseArgs({
  options: { out: { type: 'string', default: 'seed' }, graphml: { type: 'string', default: 'export/llm-graph.graphml' } },
});
await withDatabase(async (db) => {
  const rows = await new SeedRepository(db).read();
  const files = formatDataset(rowsToDataset(rows));
  writeDatasetFiles(files, values.out);
  mkdirSync(path.dirname(values.graphml), { recursive: true });
  writeFileSync(values.graphml, toGraphML(rows));
  console.log(`Wrote ${files.size} seed files to ${values.out}/ and ${values.graphml}.`);
});
