/** Filters: entity types and relationship types to hide or show, which sources to trust, and size by degree. */
import { RELATION_COLOR, TYPE_STYLE, el, relationLabel, shapeIcon } from './format';
import { ENTITY_TYPES, RELATION_TYPES } from './format';
import type { Citation, EntityType, RelationType, Source } from './types';

/** Where a fact comes from: the project's documents, one of the catalogues, or a curator's write (a URL). */
export type SourceGroup =
  | 'documents'
  | 'epoch'
  | 'epoch-benchmarks'
  | 'llm-stats'
  | 'ecosystem-graphs'
  | 'hf-model-tree'
  | 'models-dev'
  | 'curated';

export const SOURCE_GROUP_LABEL: Record<SourceGroup, string> = {
  documents: 'Documents',
  epoch: 'Epoch AI',
  'epoch-benchmarks': 'Epoch Benchmarking Hub',
  'llm-stats': 'LLM Stats',
  'ecosystem-graphs': 'Ecosystem Graphs',
  'hf-model-tree': 'Hugging Face',
  'models-dev': 'models.dev',
  curated: 'Curated',
};

/** Catalogue snapshots are sources with ids `catalogue-<format>-<hash>` (src/import/catalogues.ts); documents have a file. */
export function sourceGroup(source: Pick<Source, 'id' | 'file'>): SourceGroup {
  if (source.file) return 'documents';
  if (source.id.startsWith('catalogue-epoch-csv-')) return 'epoch';
  if (source.id.startsWith('catalogue-epoch-benchmarks-')) return 'epoch-benchmarks';
  if (source.id.startsWith('catalogue-llm-stats-')) return 'llm-stats';
  if (source.id.startsWith('catalogue-ecosystem-graphs-')) return 'ecosystem-graphs';
  if (source.id.startsWith('catalogue-hf-model-tree-')) return 'hf-model-tree';
  if (source.id.startsWith('catalogue-models-dev-')) return 'models-dev';
  return 'curated';
}

/** The graph's source filter: everything, or only the facts the documents (or one catalogue) state. */
export type SourceFilter = 'all' | 'documents' | 'epoch' | 'models-dev';
const SOURCE_FILTERS: Array<[SourceFilter, string]> = [
  ['all', 'All sources'],
  ['documents', 'Documents only'],
  ['epoch', 'Epoch AI only'],
  ['models-dev', 'models.dev only'],
];

/** Whether a relationship with these citations passes the source filter. */
export function citedBy(citations: Citation[], filter: SourceFilter): boolean {
  return filter === 'all' || citations.some((c) => sourceGroup(c.source) === filter);
}

export interface FilterState {
  hiddenTypes: Set<EntityType>;
  hiddenRelations: Set<RelationType>;
  source: SourceFilter;
  sizeByDegree: boolean;
}

export class Filters {
  readonly state: FilterState = { hiddenTypes: new Set(), hiddenRelations: new Set(), source: 'all', sizeByDegree: false };
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
    const sources = el('fieldset', { className: 'filter-group' }, el('legend', { text: 'Sources' }));
    for (const [value, label] of SOURCE_FILTERS) {
      const input = el('input', { type: 'radio', name: 'filter-source', value, 'data-testid': `filter-source-${value}` });
      input.checked = value === 'all';
      input.addEventListener('change', () => {
        if (!input.checked) return;
        this.state.source = value;
        this.onChange(this.state);
      });
      sources.append(el('label', { className: 'check' }, input, el('span', { className: 'check-label', text: label })));
    }
    sources.append(
      el('p', {
        className: 'muted filter-note',
        text: 'A relationship shows when the chosen source states it; an entity when one of its shown relationships does.',
      }),
    );
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
    root.append(sources, types, relations, display);
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
