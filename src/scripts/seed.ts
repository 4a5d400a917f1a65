import { parseArgs } from 'node:util';
import { SeedValidationError } from '../seed/dataset.js';
import { seedDatabase } from '../seed/load.js';
import { withDatabase } from './with-database.js';

// npm run seed [-- --reset] [-- --dir seed]: loads the seed folder into Neo4j (NEO4J_URI or the embedded one).
const { values } = parseArgs({ options: { reset: { type: 'boolean', default: false }, dir: { type: 'string' } } });
try {
  await withDatabase(async (db) => {
    await seedDatabase(db, { reset: values.reset, dir: values.dir });
    const [row] = await db
      .scope()
      .read('RETURN COUNT { (:Entity) } AS entities, COUNT { ()-[r]->() WHERE r.id IS NOT NULL } AS relationships');
    console.log(`Seeded ${row?.entities} entities and ${row?.relationships} relationships${values.reset ? ' (after a reset)' : ''}.`);
  });
} catch (error) {
  if (!(error instanceof SeedValidationError)) throw error;
  console.error(error.message);
  process.exit(1);
}
