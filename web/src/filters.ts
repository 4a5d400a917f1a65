/** Filter checkboxes: entity types and relationship types to hide or show, and size by degree. */
import { RELATION_COLOR, TYPE_STYLE, el, relationLabel, shapeIcon } from './format';
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from './types';

export interface FilterState {
  hiddenTypes: Set<EntityType>;
  hiddenRelations: Set<RelationType>;
  sizeByDegree: boolean;
}

export class Filters {
  readonly state: FilterState = { hiddenTypes: new Set(), hiddenRelations: new Set(), sizeByDegree: false };
  private typeCounts = new Map<string, HTMLElement>();
  private relationCounts = new Map<string, HTMLElement>();

  constructor(
    root: HTMLElement,
    private readonly onChange: (state: FilterState) => void,
  ) {
    const types = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Entity types' }));
    for (const t of ENTITY_TYPES) {
      const count = el('span', { className: 'count' });
      this.typeCounts.set(t, count);
      types.append(
        this.checkbox(`filter-type-${t}`, [shapeIcon(t, 14), TYPE_STYLE[t].plural], count, (on) =>
          this.toggle(this.state.hiddenTypes, t, on),
        ),
      );
    }
    const relations = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Relationships' }));
    for (const r of RELATION_TYPES) {
      const count = el('span', { className: 'count' });
      this.relationCounts.set(r, count);
      const swatch = el('span', {
        className: `edge-swatch${r === 'COMPETES_WITH' || r === 'COLLABORATES_WITH' ? ' dashed' : ''}`,
        style: `--edge-color:${RELATION_COLOR[r]}`,
        'aria-hidden': 'true',
      });
      relations.append(
        this.checkbox(`filter-rel-${r}`, [swatch, relationLabel(r)], count, (on) => this.toggle(this.state.hiddenRelations, r, on)),
      );
    }
    const display = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Display' }));
    display.append(
      this.checkbox(
        'toggle-degree-size',
        ['Size nodes by degree'],
        null,
        (on) => {
          this.state.sizeByDegree = on;
          this.onChange(this.state);
        },
        false,
      ),
    );
    root.append(types, relations, display);
  }

  private checkbox(
    testid: string,
    label: Array<Node | string>,
    count: HTMLElement | null,
    onToggle: (checked: boolean) => void,
    checked = true,
  ): HTMLLabelElement {
    const input = el('input', { type: 'checkbox', 'data-testid': testid });
    input.checked = checked;
    input.addEventListener('change', () => onToggle(input.checked));
    return el('label', { className: 'check' }, input, el('span', { className: 'check-label' }, ...label), count);
  }

  private toggle<T>(set: Set<T>, value: T, shown: boolean): void {
    if (shown) set.delete(value);
    else set.add(value);
    this.onChange(this.state);
  }

  setCounts(types: Map<EntityType, number>, relations: Map<RelationType, number>): void {
    for (const [t, node] of this.typeCounts) node.textContent = String(types.get(t as EntityType) ?? 0);
    for (const [r, node] of this.relationCounts) node.textContent = String(relations.get(r as RelationType) ?? 0);
  }
}
