/**
 * The benchmarks results are placed on: those the graph holds (the curated table seed/benchmarks.json is
 * loaded with the documents, and earlier imports add the ones it lacks), found by any of their names under
 * benchmarkKey; and the scale and direction the curated table gives each.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { BenchmarkScale } from '../../domain/registry.js';
import { benchmarkKey, type NamedSetting, nameReadings } from './benchmark-names.js';

const CURATED_FILE = fileURLToPath(new URL('../../../seed/benchmarks.json', import.meta.url));

const curatedEntry = z.object({ id: z.string(), scale: z.enum(BenchmarkScale).optional() });

/** Each curated benchmark's scale (how its scores normalise), by id. */
export function curatedScales(file = CURATED_FILE): Map<string, BenchmarkScale> {
  const entries = z.array(curatedEntry).parse(JSON.parse(readFileSync(file, 'utf8')));
  return new Map(entries.flatMap((e) => (e.scale ? [[e.id, e.scale] as const] : [])));
}

export interface Named {
  id: string;
  name: string;
  aliases: string[];
}

export class BenchmarkTable {
  private readonly byKey = new Map<string, string>();

  constructor(benchmarks: Named[]) {
    for (const b of benchmarks) this.add(b.id, [b.name, ...b.aliases]);
  }

  add(id: string, names: string[]): void {
    for (const name of names) {
      const key = benchmarkKey(name);
      if (key !== '' && !this.byKey.has(key)) this.byKey.set(key, id);
    }
  }

  /** The benchmark a catalogue's name names, with what the name says of the setting; undefined when none. */
  find(name: string): { id: string; setting: NamedSetting } | undefined {
    for (const reading of nameReadings(name)) {
      const id = this.byKey.get(benchmarkKey(reading.base));
      if (id !== undefined) return { id, setting: reading.setting };
    }
    return undefined;
  }
}
