/** The leaderboard as a table: position, model, developer, release, score, who measured it (self-reported marked), setting, source. */
import { el, formatDate } from '../format';
import { SOURCE_GROUP_LABEL, sourceGroup } from '../filters';
import type { BenchmarkResult, LeaderboardEntry } from '../types';

/** "88.7%" for a share of items, else the value as stated. */
export function scoreText(result: Pick<BenchmarkResult, 'value' | 'score'>, scale: string | null): string {
  if (scale === 'FRACTION') return `${(result.value * 100).toFixed(1).replace(/\.0$/, '')}%`;
  return result.score;
}

export function settingText(result: BenchmarkResult): string {
  return [
    result.shots === null ? null : `${result.shots}-shot`,
    result.benchmarkVersion,
    result.scorer,
    result.modelVersion ? `version ${result.modelVersion}` : null,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' · ');
}

/** Who measured it, linked to where it is published, with a mark when the developer reports it. */
export function measuredBy(result: BenchmarkResult): HTMLElement {
  const who = result.measuredBy ?? 'not stated';
  const cell = el('span', { className: 'measured-by' });
  cell.append(result.url ? el('a', { href: result.url, target: '_blank', rel: 'noopener noreferrer', text: who }) : who);
  if (result.selfReported)
    cell.append(
      ' ',
      el('span', {
        className: 'self-reported',
        'data-testid': 'self-reported-mark',
        title: 'Reported by the model’s developer',
        text: 'self-reported',
      }),
    );
  else
    cell.append(' ', el('span', { className: 'independent', title: 'Measured by someone other than the developer', text: 'independent' }));
  if (result.logUrl)
    cell.append(' ', el('a', { href: result.logUrl, target: '_blank', rel: 'noopener noreferrer', className: 'muted', text: 'log' }));
  return cell;
}

export function sourceBadgesOf(result: BenchmarkResult): HTMLElement {
  const out = el('span', { className: 'source-badges' });
  for (const group of new Set(result.citations.map((c) => sourceGroup({ id: c.source.id, file: null }))))
    out.append(el('span', { className: `source-badge ${group}`, 'data-testid': 'source-badge', text: SOURCE_GROUP_LABEL[group] }));
  return out;
}

export function leaderboardTable(
  entries: LeaderboardEntry[],
  scale: string | null,
  onModel: (id: string, name: string) => void,
): HTMLTableElement {
  const head = el(
    'thead',
    {},
    el('tr', {}, ...['#', 'Model', 'Developer', 'Released', 'Score', 'Measured by', 'Setting', 'Source'].map((h) => el('th', { text: h }))),
  );
  const body = el('tbody');
  for (const entry of entries) {
    const model = el('button', { type: 'button', className: 'link', 'data-id': entry.model.id, text: entry.model.name });
    model.addEventListener('click', () => onModel(entry.model.id, entry.model.name));
    const row = el(
      'tr',
      { 'data-testid': 'leaderboard-row', 'data-model': entry.model.id },
      el('td', { className: 'num', text: String(entry.position) }),
      el(
        'td',
        {},
        model,
        entry.results > 1
          ? el('span', { className: 'muted', title: 'Results of this model on the benchmark', text: ` (${entry.results})` })
          : null,
      ),
      el('td', { text: entry.model.developers.map((d) => d.name).join(', ') }),
      el('td', { text: formatDate(entry.model.releaseDate) ?? '—' }),
      el('td', { className: 'num', title: `As stated: ${entry.result.score}`, text: scoreText(entry.result, scale) }),
      el('td', {}, measuredBy(entry.result)),
      el('td', { className: 'muted', text: settingText(entry.result) }),
      el('td', {}, sourceBadgesOf(entry.result)),
    );
    body.append(row);
  }
  return el('table', { className: 'leaderboard', 'data-testid': 'leaderboard-table' }, head, body);
}
