/** Ids of the Sources catalogue snapshots are (import/catalogues.ts): a citation of one needs no verbatim document quote. */
export const CATALOGUE_SOURCE_PREFIX = 'catalogue-';
/** The format a catalogue Source's id names (`catalogue-<format>-<12 hex of its hash>`). */
export const formatOfSource = (id: string): string => id.slice(CATALOGUE_SOURCE_PREFIX.length).replace(/-[0-9a-f]{12}$/, '');
