/**
 * A citable data release of the graph: a dated, versioned folder with the graph as CSV tables, as
 * graphology JSON and as GraphML, the source documents the quotes come from, a README of the columns,
 * CITATION.cff, the licence and attribution of every source, a changelog against the previous
 * release and SHA256SUMS. `loadRelease` (load.ts) reads it back into an empty database.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';
import type { Database } from '../db/database.js';
import { documentText } from '../documents/store.js';
import { ENTITY_TYPES, RELATION_TYPES } from '../domain/registry.js';
import { ReleaseRepository } from '../repositories/release.repository.js';
import { SeedRepository } from '../repositories/seed.repository.js';
import { toExportedGraph } from '../seed/graph-export.js';
import { toGraphML } from '../seed/graphml.js';
import { type Change, diffTables, summarise } from './changelog.js';
import { CHECKSUMS, MANIFEST, type ReleaseManifest } from './manifest.js';
import { readmeOf } from './readme.js';
import { formatTable, parseTable, type ReleaseRows, type ReleaseSource, type Table, toTables } from './tables.js';

export interface ReleaseOptions {
  out: string;
  /** Default: the date, 2026.12.07. */
  version?: string;
  /** ISO day; default: today (UTC). */
  date?: string;
  /** A previous release folder; default: the newest other release beside `out`. */
  previous?: string;
  /** SPDX id or name of the release's own licence, when the publisher chooses one. */
  license?: string;
  title?: string;
  authors?: string[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function readManifest(dir: string): ReleaseManifest | null {
  const file = path.join(dir, MANIFEST);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ReleaseManifest) : null;
}

/** The newest release folder beside `out` (same parent), older than or as old as `date`. */
export function findPrevious(out: string, date: string): string | null {
  const parent = path.dirname(path.resolve(out));
  if (!existsSync(parent)) return null;
  const candidates = readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && path.join(parent, entry.name) !== path.resolve(out))
    .map((entry) => ({ dir: path.join(parent, entry.name), manifest: readManifest(path.join(parent, entry.name)) }))
    .filter((c): c is { dir: string; manifest: ReleaseManifest } => c.manifest !== null && c.manifest.date <= date)
    .sort(
      (a, b) =>
        a.manifest.date.localeCompare(b.manifest.date) || a.manifest.version.localeCompare(b.manifest.version, 'en', { numeric: true }),
    );
  return candidates.at(-1)?.dir ?? null;
}

const tableOf = (dir: string, file: string): Table | null => {
  const full = path.join(dir, file);
  if (!existsSync(full)) return null;
  const rows = parseTable(readFileSync(full, 'utf8'));
  return { file, columns: rows[0] ? Object.keys(rows[0]) : [], rows };
};

function sourceLine(s: ReleaseSource): string {
  const where = s.url ?? (s.file ? `documents/${s.file}` : '');
  const licence = s.license ?? (s.file ? 'not stated by the document: quoted for citation and research' : 'the page’s own terms');
  return `| \`${s.id}\` | ${s.title ?? ''} | ${s.author ?? ''} | ${where} | ${licence} |`;
}

function licensesOf(sources: ReleaseSource[], license: string | undefined): string {
  return `# Licences and attribution

${license ? `This release is published under **${license}**, within the terms of the sources below.` : 'The publisher of this release has not named a licence for it (`npm run release -- --license …`); each source below keeps its own terms.'}

Every fact in this release cites one of these sources. Their terms apply to what is taken from them:
the quotes, and for catalogues the values they state.

| source | title | author | where | licence |
| --- | --- | --- | --- | --- |
${sources.map(sourceLine).join('\n')}

## Attribution

${sources
  .filter((s) => s.license)
  .map((s) => `- ${s.author ? `${s.author}, ` : ''}*${s.title ?? s.id}*${s.url ? `, ${s.url}` : ''} (${s.license}).`)
  .join('\n')}
`;
}

function citationOf(manifest: ReleaseManifest, sources: ReleaseSource[], authors: string[]): string {
  const references = sources
    .filter((s) => s.file === null && s.url && s.license)
    .map((s) => ({
      type: 'dataset',
      title: s.title ?? s.id,
      authors: [{ name: s.author ?? s.title ?? s.id }],
      url: s.url,
      license: s.license === 'CC BY 4.0' ? 'CC-BY-4.0' : s.license,
      ...(s.retrieved && { 'date-accessed': s.retrieved }),
    }));
  return toYaml({
    'cff-version': '1.2.0',
    message: 'If you use this data, please cite this release and the sources it draws on (LICENSES.md).',
    type: 'dataset',
    title: manifest.title,
    version: manifest.version,
    'date-released': manifest.date,
    authors: authors.map((name) => ({ name })),
    ...(manifest.license && { license: manifest.license }),
    abstract: `A knowledge graph of large language models: ${Object.values(manifest.counts.entities).reduce((a, b) => a + b, 0)} entities and ${Object.values(manifest.counts.relationships).reduce((a, b) => a + b, 0)} relationships, every fact citing its source.`,
    keywords: ['large language models', 'knowledge graph', 'provenance'],
    ...(references.length > 0 && { references }),
  });
}

function changelogOf(manifest: ReleaseManifest, changes: Change[], tables: string[]): string {
  const header = manifest.previous
    ? `# Changes in ${manifest.version} since ${manifest.previous.version} (${manifest.previous.date})`
    : `# ${manifest.version}: the first release`;
  const rows = summarise(changes, tables)
    .filter((r) => r.added + r.changed + r.removed > 0)
    .map((r) => `| ${r.table} | ${r.added} | ${r.changed} | ${r.removed} |`);
  const listed = (kind: Change['change']) => {
    const mine = changes.filter((c) => c.change === kind);
    if (mine.length === 0) return '';
    const shown = mine.slice(0, 100).map((c) => `- ${c.table}: \`${c.id}\`${c.columns.length > 0 ? ` (${c.columns.join(', ')})` : ''}`);
    return `\n## ${kind[0]!.toUpperCase()}${kind.slice(1)}\n\n${shown.join('\n')}${mine.length > 100 ? `\n- … and ${mine.length - 100} more (changes.csv lists every one)` : ''}\n`;
  };
  return `${header}

| table | added | changed | removed |
| --- | --- | --- | --- |
${rows.length > 0 ? rows.join('\n') : '| (nothing) | 0 | 0 | 0 |'}
${manifest.previous ? `${listed('added')}${listed('changed')}${listed('removed')}` : ''}`;
}

/** Writes a release of the graph into `options.out` (which must be new or empty) and returns its manifest. */
export async function writeRelease(db: Database, options: ReleaseOptions): Promise<ReleaseManifest> {
  const out = path.resolve(options.out);
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new Error(`${options.out} is not empty: a release is written into a new folder.`);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const seedRows = await new SeedRepository(db).read();
  const releases = new ReleaseRepository(db);
  const rows: ReleaseRows = { ...seedRows, sources: await releases.sources() };
  const loaded = await releases.loaded();
  const tables = toTables(rows, documentText);
  const tableTexts = tables.map((t) => formatTable(t));

  const previousDir = options.previous ?? findPrevious(out, date);
  const previousManifest = previousDir ? readManifest(previousDir) : null;
  if (previousDir && previousManifest === null) throw new Error(`${previousDir} is not a release (it has no ${MANIFEST}).`);
  const previousTables = previousDir
    ? [...new Set([...tables.map((t) => t.file), ...(previousManifest?.tables ?? [])])]
        .map((file) => tableOf(previousDir, file))
        .filter((t): t is Table => t !== null)
    : [];
  const changes = diffTables(previousTables, tables);

  const manifest: ReleaseManifest = {
    format: 1,
    title: options.title ?? 'LLM knowledge graph',
    version: options.version ?? date.replaceAll('-', '.'),
    date,
    dataVersion: loaded.dataVersion,
    seedHash: loaded.seedHash,
    catalogues: loaded.catalogues,
    loadedFromRelease: loaded.release,
    license: options.license ?? null,
    previous: previousManifest && { version: previousManifest.version, date: previousManifest.date },
    counts: {
      entities: Object.fromEntries(ENTITY_TYPES.map((type) => [type, rows.entities[type].length])),
      relationships: Object.fromEntries(RELATION_TYPES.map((type) => [type, rows.relationships[type].length])),
      sources: rows.sources.length,
    },
    contentSha256: sha256(tableTexts.join('\n')),
    tables: tables.map((t) => t.file),
  };

  const files = new Map<string, string | Buffer>();
  for (const [i, table] of tables.entries()) files.set(table.file, tableTexts[i]!);
  const graph = toExportedGraph(rows);
  files.set('graph.json', `${JSON.stringify(graph, null, 2)}\n`);
  files.set('graph.graphml', toGraphML(graph));
  for (const source of rows.sources) {
    const text = source.file ? documentText(source.file) : null;
    if (text !== null) files.set(`documents/${source.file}`, text);
  }
  files.set('README.md', readmeOf(manifest));
  files.set('CITATION.cff', citationOf(manifest, rows.sources, options.authors ?? ['LLM knowledge graph contributors']));
  files.set('LICENSES.md', licensesOf(rows.sources, options.license));
  files.set('CHANGELOG.md', changelogOf(manifest, changes, [...new Set([...manifest.tables, ...previousTables.map((t) => t.file)])]));
  files.set(
    'changes.csv',
    formatTable({
      file: 'changes.csv',
      columns: ['table', 'id', 'change', 'columns'],
      // A first release adds everything: the changelog says so, and the list would only repeat the tables.
      rows: manifest.previous ? changes.map((c) => ({ table: c.table, id: c.id, change: c.change, columns: c.columns.join(' ') })) : [],
    }),
  );
  files.set(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);

  for (const [file, content] of files) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    writeFileSync(path.join(out, file), content);
  }
  const sums = [...files.keys()].sort().map((file) => `${sha256(files.get(file)!)}  ${file}`);
  writeFileSync(path.join(out, CHECKSUMS), `${sums.join('\n')}\n`);
  return manifest;
}
