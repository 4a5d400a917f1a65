import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SeedRepository } from '../repositories/seed.repository.js';
import { toExportedGraph } from '../seed/graph-export.js';
import { toGraphML } from '../seed/graphml.js';
import { formatDataset, rowsToDataset, writeDatasetFiles } from '../seed/seed-files.js';
import { withDatabase } from './with-database.js';

// npm run export [-- --out seed] [-- --graphml export/llm-graph.graphml] [-- --json export/llm-graph.json]:
// the graph back in the seed format, as GraphML and as a graphology JSON document.
const { values } = parseArgs({
  options: {
    out: { type: 'string', default: 'seed' },
    graphml: { type: 'string', default: 'export/llm-graph.graphml' },
    json: { type: 'string', default: 'export/llm-graph.json' },
  },
});
await withDatabase(async (db) => {
  const rows = await new SeedRepository(db).read();
  const files = formatDataset(rowsToDataset(rows));
  writeDatasetFiles(files, values.out);
  const graph = toExportedGraph(rows);
  for (const file of [values.graphml, values.json]) mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(values.graphml, toGraphML(graph));
  writeFileSync(values.json, `${JSON.stringify(graph, null, 2)}\n`);
  console.log(`Wrote ${files.size} seed files to ${values.out}/, ${values.graphml} and ${values.json}.`);
});
