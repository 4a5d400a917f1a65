import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueFacts, renderCatalogueSample } from '../review/catalogue.js';
import { collectFacts, quoteInContext, stratifiedSample } from '../review/sample.js';
import { DOCUMENTS_DIR, formatProblem, readDataset, validateDataset } from '../seed/dataset.js';

// npm run review [-- --seed 2026] [-- --size 60] [-- --dir seed]: a reproducible sample of facts for a person
// to check against their quotes, stratified by relationship type (plus attribute claims). No database.
// --catalogue samples the technique facts the default graph takes from Epoch's language rows instead,
// stratified by technique, each with its row, column, rule and the sentences around its quote.
const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '2026' },
    size: { type: 'string', default: '60' },
    dir: { type: 'string', default: 'seed' },
    catalogue: { type: 'boolean', default: false },
  },
});
const seed = Number(values.seed);
const size = Number(values.size);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}".`);
if (!Number.isSafeInteger(size) || size < 1 || size > 1000)
  throw new Error(`--size must be an integer from 1 to 1000, got "${values.size}".`);

if (values.catalogue) {
  const facts = catalogueFacts(values.dir);
  process.stdout.write(renderCatalogueSample(facts, stratifiedSample(facts, size, seed), seed));
  process.exit(0);
}

const { dataset, problems } = readDataset(values.dir);
problems.push(...validateDataset(dataset, values.dir));
for (const problem of problems) console.warn(`warning: ${formatProblem(problem)}`);

const documents = new Map(
  dataset.sources.flatMap((s) =>
    s.file === undefined ? [] : [[s.id, readFileSync(path.join(values.dir, DOCUMENTS_DIR, s.file), 'utf8')] as const],
  ),
);
const facts = collectFacts(dataset);
const sample = stratifiedSample(facts, size, seed);
const perStratum = new Map<string, [number, number]>();
for (const fact of facts) {
  const [inSample, total] = perStratum.get(fact.stratum) ?? [0, 0];
  perStratum.set(fact.stratum, [inSample + (sample.includes(fact) ? 1 : 0), total + 1]);
}
console.log(`# Review sample: ${sample.length} of ${facts.length} facts, seed ${seed}, folder ${values.dir}/`);
console.log([...perStratum].map(([stratum, [n, total]]) => `${stratum} ${n}/${total}`).join(', '));
console.log('Judge each: stated (the quote says it) / inference (it suggests it) / not stated.');
sample.forEach((fact, i) => {
  console.log(`\n## ${i + 1}. [${fact.stratum}] ${fact.statement}`);
  for (const citation of fact.citations) {
    const confidence = citation.confidence === undefined ? '' : ` (confidence ${citation.confidence})`;
    if ('url' in citation) {
      console.log(
        `- URL ${citation.url}${confidence}\n  ${citation.quote === undefined ? `note (not a quote): ${citation.note}` : `quote: ${citation.quote}`}`,
      );
      continue;
    }
    const context = quoteInContext(documents.get(citation.source) ?? '', citation.quote ?? '');
    console.log(
      `- ${citation.source}${confidence}\n  quote:   ${citation.quote}\n  context: ${context ?? '(quote not found in the document)'}`,
    );
  }
});
