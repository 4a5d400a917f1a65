/**
 * Who published each source a catalogue cites for its results, and whether a result it publishes is
 * self-reported: seed/result-publishers.json (curated, reviewable) names each source's publisher and the
 * model families that publisher develops. A developer's report on its own family is self-reported; on
 * another lab's model (a baseline), or a leaderboard's, it is measured independently.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const PUBLISHERS_FILE = fileURLToPath(new URL('../../../seed/result-publishers.json', import.meta.url));

const entry = z.strictObject({ source: z.string().min(1), publisher: z.string().min(1), reports: z.array(z.string().min(1)) });
export type Publisher = z.infer<typeof entry>;

export class ResultPublishers {
  private readonly bySource: Map<string, Publisher>;

  constructor(entries: Publisher[]) {
    this.bySource = new Map(entries.map((e) => [e.source.trim(), e]));
  }

  static read(file = PUBLISHERS_FILE): ResultPublishers {
    return new ResultPublishers(z.array(entry).parse(JSON.parse(readFileSync(file, 'utf8'))));
  }

  publisherOf(source: string): Publisher | undefined {
    return this.bySource.get(source.trim());
  }

  /**
   * Whether `source` reports on a model of its publisher's own families: one of the model's names (its name,
   * a version id) starts with a family's name followed by no further letter ("Phi" reports phi-1.5, "GPT-4"
   * reports gpt-4-0314). Undefined when the source is not in the table: the catalogue does not say.
   */
  selfReported(source: string, names: string[]): boolean | undefined {
    const publisher = this.publisherOf(source);
    if (publisher === undefined) return undefined;
    return publisher.reports.some((family) =>
      names.some((name) => {
        const lower = name.toLowerCase();
        const stem = family.toLowerCase();
        return lower.startsWith(stem) && !/^[a-z]/.test(lower.slice(stem.length));
      }),
    );
  }
}
