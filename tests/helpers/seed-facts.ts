import { readFileSync } from 'node:fs';

/** Facts read straight from the committed seed files, to state test expectations from the sources. */
export const seedFile = <T = Array<Record<string, unknown>>>(file: string): T => JSON.parse(readFileSync(`seed/${file}`, 'utf8')) as T;

export const relations = (type: string) => seedFile<Array<{ from: string; to: string; kind?: string }>>(`relationships/${type}.json`);

export const modelIds = () => seedFile<Array<{ id: string }>>('models.json').map((m) => m.id);

export const seriesIds = () => seedFile<Array<{ id: string }>>('series.json').map((s) => s.id);

export function techniquesOf(modelId: string): string[] {
  return relations('uses')
    .filter((r) => r.from === modelId)
    .map((r) => r.to);
}
