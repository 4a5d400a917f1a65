import { parseArgs } from 'node:util';
import { loadRelease } from '../release/load.js';
import { writeRelease } from '../release/write.js';
import { withDatabase } from './with-database.js';

// npm run release -- --out releases/2026-12-07 [--previous releases/2026-11-01] [--version 2026.12.07] [--date 2026-12-07]
//   [--license CC-BY-4.0] [--title …] [--author …]: a citable release of the graph in a new folder.
// npm run release -- --load releases/2026-12-07: load a release into an empty database.
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    load: { type: 'string' },
    previous: { type: 'string' },
    version: { type: 'string' },
    date: { type: 'string' },
    license: { type: 'string' },
    title: { type: 'string' },
    author: { type: 'string', multiple: true },
  },
});
if ((values.out === undefined) === (values.load === undefined)) {
  console.error('Give --out <folder> to write a release, or --load <folder> to load one into an empty database.');
  process.exit(2);
}
if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
  console.error(`--date must be an ISO day such as 2026-12-07, got "${values.date}".`);
  process.exit(2);
}
await withDatabase(async (db) => {
  try {
    if (values.load !== undefined) {
      const manifest = await loadRelease(db, values.load);
      console.log(`Loaded release ${manifest.version} (${manifest.date}) from ${values.load}.`);
      return;
    }
    const manifest = await writeRelease(db, {
      out: values.out!,
      version: values.version,
      date: values.date,
      previous: values.previous,
      license: values.license,
      title: values.title,
      authors: values.author,
    });
    const entities = Object.values(manifest.counts.entities).reduce((a, b) => a + b, 0);
    const relationships = Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0);
    console.log(
      `Wrote release ${manifest.version} (${manifest.date}) to ${values.out}: ${entities} entities, ${relationships} relationships, ` +
        `${manifest.counts.sources} sources${manifest.previous ? `; changes since ${manifest.previous.version} in CHANGELOG.md` : ''}.`,
    );
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 3;
  }
});
