/** The legend drawn over the graph: node colour+shape per type, and highlight colours. */
import { TYPE_STYLE, el, shapeIcon } from './format';
import { ENTITY_TYPES } from './format';

export function renderLegend(root: HTMLElement): void {
  const items = ENTITY_TYPES.map((t) => el('li', {}, shapeIcon(t, 14), TYPE_STYLE[t].label));
  root.replaceChildren(
    el('ul', { className: 'legend-types' }, ...items),
    el(
      'ul',
      { className: 'legend-marks' },
      el('li', {}, el('span', { className: 'mark path', 'aria-hidden': 'true' }), 'Path'),
      el('li', {}, el('span', { className: 'mark compare', 'aria-hidden': 'true' }), 'Compared'),
      el('li', {}, el('span', { className: 'mark focus', 'aria-hidden': 'true' }), 'Selected'),
    ),
  );
}
