import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

// The rules `npm run lint` applies (depcruise src), read from the one file that writes the layers down.
const { options, ...ruleSet } = createRequire(import.meta.url)('../../.dependency-cruiser.cjs') as IConfiguration;

async function violations(baseDir?: string): Promise<string[]> {
  const { output } = await cruise(['src'], { ...options, validate: true, ruleSet, ...(baseDir && { baseDir, tsConfig: undefined }) });
  return (output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('the layers', () => {
  it('hold in src/: no import cycle, no import from a lower layer to a higher one', async () => {
    expect(await violations()).toEqual([]);
  });

  it('are enforced: a deliberate upward import and a deliberate cycle fail the check', async () => {
    expect(await violations(fileURLToPath(new URL('../fixtures/layers', import.meta.url)))).toEqual([
      'foundation-not-upward: src/domain/vocabulary.ts -> src/http/route.ts',
      'no-circular: src/db/a.ts -> src/db/b.ts',
    ]);
  });
});
