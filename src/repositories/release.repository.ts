import type { DatabaseScopes } from '../db/database.js';
import { VERSION_LABEL } from '../db/data-version.js';
import { GRAPH_META_LABEL, knownLabel, SOURCE_LABEL } from '../domain/graph-model.js';
import type { SourceRow } from '../domain/graph-rows.js';

const META = knownLabel(GRAPH_META_LABEL);

/** A Source node's fields: the seed's, and a catalogue snapshot's licence, version and retrieval date. */
export type ReleaseSource = SourceRow & { license?: string | null; version?: string | null; retrieved?: string | null };

/** What a release reads besides the seed format (sources' catalogue details, the load marker) and what a reload writes back. */
export class ReleaseRepository {
  constructor(private readonly db: DatabaseScopes) {}

  /** Every Source with every field it holds, by id. */
  async sources(): Promise<ReleaseSource[]> {
    const rows = await this.db.scope({ timeoutMs: 60_000 }).read(`MATCH (s:${SOURCE_LABEL}) RETURN s {.*} AS source ORDER BY s.id`);
    return rows.map((r) => {
      const s = r.source as Record<string, string | null | undefined>;
      const field = (name: string) => s[name] ?? null;
      return {
        id: String(s.id),
        title: field('title'),
        file: field('file'),
        url: field('url'),
        author: field('author'),
        date: field('date'),
        license: field('license'),
        version: field('version'),
        retrieved: field('retrieved'),
      };
    });
  }

  /** The graph's data version and how it was loaded (the load marker), for the release's record. */
  async loaded(): Promise<{ dataVersion: string; seedHash: string | null; catalogues: string[]; release: string | null }> {
    const [row] = await this.db.scope().read(
      `OPTIONAL MATCH (v:${VERSION_LABEL} {id: 'graph'}) OPTIONAL MATCH (m:${META} {id: 'seed'})
       RETURN v.value AS version, m.seedHash AS seedHash, coalesce(m.catalogues, []) AS catalogues, m.release AS release`,
    );
    return {
      dataVersion: String(row?.version ?? 0),
      seedHash: (row?.seedHash as string | null) ?? null,
      catalogues: (row?.catalogues as string[]) ?? [],
      release: (row?.release as string | null) ?? null,
    };
  }

  /** A reloaded release: its sources' catalogue details, then the load marker naming it and how its graph was loaded (written last). */
  async markReleaseLoaded(
    sources: ReleaseSource[],
    release: { version: string; seedHash: string | null; catalogues: string[] },
  ): Promise<void> {
    const details = sources
      .filter((s) => s.license || s.version || s.retrieved)
      .map((s) => ({ id: s.id, license: s.license ?? null, version: s.version ?? null, retrieved: s.retrieved ?? null }));
    await this.db.scope({ timeoutMs: 60_000 }).write(async (tx) => {
      await tx.run(
        `UNWIND $rows AS row MATCH (s:${SOURCE_LABEL} {id: row.id}) SET s.license = row.license, s.version = row.version, s.retrieved = row.retrieved`,
        { rows: details },
      );
      await tx.run(
        `MERGE (m:${META} {id: 'seed'}) SET m.seededAt = datetime(), m.release = $release.version, m.seedHash = $release.seedHash,
           m.catalogues = $release.catalogues`,
        { release },
      );
    });
  }
}
