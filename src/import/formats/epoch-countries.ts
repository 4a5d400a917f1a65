/**
 * Epoch's `Country (from Organization)` column: for each organization of the row, in the row's order,
 * that organization's countries (none, one or several), concatenated. "Google DeepMind,Google" with
 * "United States of America,United Kingdom of Great Britain and Northern Ireland,Multinational,United
 * States of America" gives Google DeepMind three entries and Google one. Which entries belong to which
 * organization is known only where it can be proven: from a row naming one organization, or from a row
 * whose other organizations' lists are known (their entries are cut off at their positions), or from a
 * row whose n organizations share n identical entries (each has that one country). Nothing is guessed.
 */
import { EntityType } from '../../domain/registry.js';
import { type CatalogueRecord, emptyRecord, type Problem } from '../records.js';

/** Epoch's country names as ISO 3166 codes; "Multinational" is no country. */
const ISO: Record<string, string> = {
  Argentina: 'AR',
  Armenia: 'AM',
  Australia: 'AU',
  Austria: 'AT',
  Belgium: 'BE',
  Brazil: 'BR',
  Canada: 'CA',
  China: 'CN',
  Croatia: 'HR',
  Czechia: 'CZ',
  Denmark: 'DK',
  Finland: 'FI',
  France: 'FR',
  Germany: 'DE',
  Greece: 'GR',
  'Hong Kong': 'HK',
  Hungary: 'HU',
  India: 'IN',
  'Iran (Islamic Republic of)': 'IR',
  Ireland: 'IE',
  Israel: 'IL',
  Italy: 'IT',
  Japan: 'JP',
  'Korea (Republic of)': 'KR',
  Lebanon: 'LB',
  Lithuania: 'LT',
  Luxembourg: 'LU',
  Macao: 'MO',
  Mexico: 'MX',
  Netherlands: 'NL',
  'New Zealand': 'NZ',
  Norway: 'NO',
  Poland: 'PL',
  Portugal: 'PT',
  Russia: 'RU',
  'Saudi Arabia': 'SA',
  Singapore: 'SG',
  Spain: 'ES',
  Sweden: 'SE',
  Switzerland: 'CH',
  Taiwan: 'TW',
  'United Arab Emirates': 'AE',
  'United Kingdom of Great Britain and Northern Ireland': 'GB',
  'United States of America': 'US',
  Vietnam: 'VN',
};
const NO_COUNTRY = new Set(['Multinational']);

export interface OrganizationCountries {
  rowKey: string;
  organizations: string[];
  countries: string[];
}

/** Each organization's list of countries, where the rows prove it. */
function alignCountries(rows: OrganizationCountries[]): Map<string, { countries: string[]; rowKey: string }> {
  const known = new Map<string, { countries: string[]; rowKey: string }>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const { rowKey, organizations, countries } of rows) {
      const unknown = organizations.filter((o) => !known.has(o));
      if (unknown.length === 0) continue;
      if (unknown.length === 1) {
        const at = organizations.indexOf(unknown[0]!);
        const before = organizations.slice(0, at).reduce((n, o) => n + known.get(o)!.countries.length, 0);
        const after = organizations.slice(at + 1).reduce((n, o) => n + known.get(o)!.countries.length, 0);
        if (before + after > countries.length) continue;
        known.set(unknown[0]!, { countries: countries.slice(before, countries.length - after), rowKey });
        changed = true;
      } else if (unknown.length === organizations.length && countries.length === organizations.length && new Set(countries).size === 1) {
        // n organizations, n entries, one country: an organization lists a country once, so each has it.
        for (const organization of organizations) known.set(organization, { countries: [countries[0]!], rowKey });
        changed = true;
      }
    }
  }
  return known;
}

/** One ORGANIZATION record per organization whose countries the rows prove, with a country claim each (Epoch's words as the quote). */
export function organizationRecords(rows: OrganizationCountries[]): { records: CatalogueRecord[]; warnings: Problem[] } {
  const records: CatalogueRecord[] = [];
  const warnings: Problem[] = [];
  const unknownNames = new Set<string>();
  for (const [name, { countries, rowKey }] of alignCountries(rows)) {
    const codes = countries.filter((c) => !NO_COUNTRY.has(c));
    for (const country of codes) if (ISO[country] === undefined) unknownNames.add(country);
    const first = codes.find((c) => ISO[c] !== undefined);
    if (first === undefined) continue;
    const record = emptyRecord(rowKey, EntityType.ORGANIZATION, name);
    // A node shows one country: the first Epoch lists (the others stay in the row's quote). The tags
    // hold them all, for resolution to compare ("US,GB" agrees with a graph's GB).
    record.attributes.country = ISO[first]!;
    record.tags = codes.map((c) => ISO[c]).filter((c) => c !== undefined);
    record.quotes.push({ attribute: 'country', text: countries.join(',') });
    records.push(record);
  }
  for (const name of unknownNames)
    warnings.push({
      rowKey: 'Country (from Organization)',
      kind: 'bad-value',
      reason: `country "${name}" has no ISO code in the importer's table.`,
    });
  return { records, warnings };
}

/** The cell's entries, repeats kept (each organization lists its own). */
export const countriesOf = (cell: string | undefined): string[] =>
  (cell ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '');
