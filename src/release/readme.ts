/** The README of a release: what each file holds and what each column means, derived from the registry. */
import { ENTITY_TYPES, fromKinds, KINDS, type PropertySpec, RELATION_TYPES, RELATIONS } from '../domain/registry.js';
import { entityColumns, entityFile, relationshipFile, SOURCE_COLUMNS } from './tables.js';
import type { ReleaseManifest } from './manifest.js';

const scalarText = (property: PropertySpec): string => {
  const scalar = property.scalar;
  if (typeof scalar === 'object') return `one of ${Object.values(scalar.enum).join(', ')}`;
  return { String: 'text', Int: 'whole number', Float: 'number', Boolean: 'true or false', StringList: 'JSON array of text' }[scalar];
};

function entitySection(type: (typeof ENTITY_TYPES)[number]): string {
  const kind = KINDS[type];
  const rows = Object.entries(kind.properties).map(
    ([name, p]) =>
      `| \`${name}\` | ${scalarText(p)}${p.claimable ? '; the preferred claim’s value (all claims in `claims`)' : ''} | ${p.description ?? ''} |`,
  );
  return `### \`${entityFile(type)}\` — ${kind.typeName}

${kind.description ?? kind.listDescription}

| column | value | meaning |
| --- | --- | --- |
| \`id\` | text | Stable id, unique across all kinds (the API's \`id\`). |
| \`name\` | text | |
| \`aliases\` | JSON array of text | Other names the sources use. |
| \`description\` | text | |
${rows.join('\n')}
| \`extra\` | JSON object | Stored properties outside the registry (normally empty). |
| \`citations\` | JSON array | Where the sources mention the entity (see Citations). |
| \`claims\` | JSON array | Every cited value of every attribute, contradictions included (see Citations). |
`;
}

export function readmeOf(manifest: ReleaseManifest): string {
  const entities = ENTITY_TYPES.map(entitySection).join('\n');
  const relationships = RELATION_TYPES.map((type) => {
    const spec = RELATIONS[type];
    const from = fromKinds(type)
      .map((k) => KINDS[k].typeName)
      .join(' or ');
    return `| \`${relationshipFile(type)}\` | ${from} → ${KINDS[spec.to].typeName} | ${manifest.counts.relationships[type] ?? 0} |`;
  });
  const counts = ENTITY_TYPES.map((type) => `| \`${entityFile(type)}\` | ${manifest.counts.entities[type] ?? 0} |`);
  return `# ${manifest.title} — release ${manifest.version} (${manifest.date})

A knowledge graph of large language models: models, organizations, techniques, limitations,
datasets, products and series, and the relationships between them. Every fact cites its source: a
quote copied verbatim from a source document (in \`documents/\`), a catalogue's row, or a web page.
Cite this release with \`CITATION.cff\`; the sources' licences and attributions are in \`LICENSES.md\`.

Graph data version ${manifest.dataVersion}${manifest.seedHash ? `, loaded from the documents (seed ${manifest.seedHash})` : ''}${
    manifest.catalogues.length > 0 ? ` and the catalogues ${manifest.catalogues.join(', ')}` : ''
  }${manifest.loadedFromRelease ? `, itself loaded from release ${manifest.loadedFromRelease}` : ''}. Content SHA-256 of the tables: \`${manifest.contentSha256}\`.

## Files

| file | what it holds |
| --- | --- |
| \`entities/*.csv\` | one table per kind of entity, a row per entity |
| \`relationships/*.csv\` | one table per relationship type, a row per relationship |
| \`sources.csv\` | every source a citation names |
| \`graph.json\` | the same graph in graphology's format (\`graph.import(json)\`), with every attribute and citation |
| \`graph.graphml\` | the same graph as GraphML (Gephi, NetworkX, yEd); lists and citations are JSON text |
| \`documents/\` | the source documents the quotes are copied from, as the service serves them |
| \`CHANGELOG.md\`, \`changes.csv\` | what was added, changed and removed since the previous release, table by table |
| \`release.json\` | version, date, data version, counts, content hash, previous release |
| \`CITATION.cff\` | how to cite this release |
| \`LICENSES.md\` | each source's licence and attribution |
| \`SHA256SUMS\` | checksums of every other file (\`sha256sum -c SHA256SUMS\`) |

## Entities

| table | rows |
| --- | --- |
${counts.join('\n')}

Cells: text as written, numbers in plain notation, \`true\`/\`false\`, lists as JSON arrays; an empty
cell means the sources say nothing. Read with any CSV reader (RFC 4180, UTF-8, a header row).

${entities}
## Relationships

| table | from → to | rows |
| --- | --- | --- |
${relationships.join('\n')}

Columns: \`id\` (\`from:TYPE:to\`, stable), \`from\` and \`to\` (entity ids), \`from_name\` and \`to_name\`
(for reading), \`kind\` (lineage only: how a model derives from its parent), \`confidence\` (the highest of
its citations), \`citations\` (JSON array, see below).

## Citations

Each element of a \`citations\` or \`claims\` array:

| field | meaning |
| --- | --- |
| \`source\` | the source's id in \`sources.csv\` |
| \`quote\` | text copied verbatim from the source; null when the citation holds only a note |
| \`note\` | the curator's or importer's own words, never a quote |
| \`confidence\` | 1 when the source states the fact plainly, lower where it hedges (catalogues: 0.5) |
| \`locator\` | a catalogue's row key (\`row 457\`: CSV record 457 of the snapshot, header = 0) |
| \`located\` | where the quote stands: \`line\`–\`endLine\` (1-based) and \`start\`–\`end\` (Unicode code points from the start of the document, end exclusive) in \`documents/<file>\`; for catalogue facts \`row\` and \`column\` |
| \`attribute\`, \`value\` | claims only: the attribute and its cited value (JSON) |
| \`rank\` | claims only: PREFERRED, NORMAL or DEPRECATED (a source error kept, with \`reason\`) |
| \`hedged\` | claims only: true when the source hedges (a rumour, "reportedly") |

## Sources

Columns of \`sources.csv\`: ${SOURCE_COLUMNS.map((c) => `\`${c}\``).join(', ')} — a document's \`file\` is in
\`documents/\`; a catalogue snapshot has its \`license\`, \`version\` (the SHA-256 of the exact bytes read)
and \`retrieved\` date.

Columns of the entity tables, in order: see each table above (\`${entityColumns(ENTITY_TYPES[0]!).join('`, `')}\` for models).
`;
}
