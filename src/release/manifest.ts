/** The record a release keeps of itself (release.json), and the names of its bookkeeping files. */
export const MANIFEST = 'release.json';
export const CHECKSUMS = 'SHA256SUMS';

export interface ReleaseManifest {
  format: 1;
  title: string;
  version: string;
  /** ISO day of the release. */
  date: string;
  /** The graph's data version when it was read, and how that graph was loaded. */
  dataVersion: string;
  seedHash: string | null;
  catalogues: string[];
  /** The release the graph was itself loaded from, if any. */
  loadedFromRelease: string | null;
  license: string | null;
  previous: { version: string; date: string } | null;
  counts: { entities: Record<string, number>; relationships: Record<string, number>; sources: number };
  /** SHA-256 of the CSV tables, in file order: two releases of the same graph have the same one. */
  contentSha256: string;
  /** The tables, in order (paths inside the folder). */
  tables: string[];
}
