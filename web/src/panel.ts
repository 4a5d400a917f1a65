/** The side panel: details of the chosen entity, its cited sources, and the action buttons. */
import { TYPE_STYLE, el, formatContextWindow, formatDate, formatParameters, relationLabel, shapeIcon, withheldText } from './format';
import { SOURCE_GROUP_LABEL, type SourceGroup, sourceGroup } from './filters';
import type { Citation, EntityDetails, EntityRef } from './types';

/** A relationship of the entity that the graph shows, and its citations (from the graph queries). */
export interface ShownRelationship {
  type: string;
  /** True when the entity is the relationship's start. */
  forward: boolean;
  other: EntityRef;
  citations: Citation[];
}

/** Relationships listed in the panel at most; a hub may show hundreds. */
const MAX_LISTED_RELATIONSHIPS = 40;

const groupsOf = (citations: Citation[]): SourceGroup[] => [...new Set(citations.map((c) => sourceGroup(c.source)))];

function sourceBadges(groups: SourceGroup[]): HTMLElement {
  const out = el('span', { className: 'source-badges' });
  for (const g of groups)
    out.append(el('span', { className: `source-badge ${g}`, 'data-testid': 'source-badge', text: SOURCE_GROUP_LABEL[g] }));
  return out;
}

export interface PanelActions {
  select(id: string): void;
  expand(id: string): void;
  lineage(id: string): void;
  downstream(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  compare(id: string): void;
}

/** Quotes are copied from Markdown documents: drop emphasis and code marks. */
/**
 * An attribute as the panel shows it: the API's value (always a believed one), or else the value it
 * withholds, marked as a rumour or as doubtful.
 */
function attribute<T>(entity: EntityDetails, name: string, shown: T | null | undefined, format: (value: T) => string | null) {
  if (shown != null) return { text: format(shown) };
  const claim = entity.withheld?.find((c) => c.attribute === name);
  return claim ? withheldText(format(JSON.parse(claim.value) as T), claim) : { text: null };
}

function plainQuote(quote: string): string {
  return quote.replace(/\*\*|__|`/g, '').trim();
}

export interface PathStep {
  node: EntityRef;
  /** The relationship leading to the next step, if any. */
  via?: { type: string; forward: boolean };
}

export class Panel {
  constructor(
    private readonly root: HTMLElement,
    private readonly actions: PanelActions,
  ) {
    this.showHint();
  }

  private set(...children: Node[]): void {
    this.root.replaceChildren(...children);
    this.root.scrollTop = 0;
  }

  showHint(): void {
    this.set(
      el(
        'div',
        { className: 'panel-empty' },
        el('p', { text: 'Click a node to see its details, sources and actions.' }),
        el('p', { className: 'muted', text: 'Shift-click two models to compare them.' }),
      ),
    );
  }

  showLoading(what: string): void {
    this.set(
      el(
        'div',
        { className: 'panel-loading', 'data-testid': 'panel-loading' },
        el('span', { className: 'spinner', 'aria-hidden': 'true' }),
        `Loading ${what}…`,
      ),
    );
  }

  showMissing(id: string): void {
    this.set(el('div', { className: 'panel-empty' }, el('p', { text: `No entity with id “${id}”.` })));
  }

  showEntity(entity: EntityDetails, relationships: ShownRelationship[] = []): void {
    const style = TYPE_STYLE[entity.type];
    const header = el(
      'header',
      { className: 'panel-header' },
      el(
        'span',
        { className: 'type-badge', style: `--type-color:${style.color}`, 'data-testid': 'panel-type' },
        shapeIcon(entity.type, 12),
        style.label,
      ),
      el('h2', { 'data-testid': 'panel-title', id: 'panel-title', text: entity.name }),
      entity.aliases.length > 0
        ? el(
            'p',
            { className: 'aliases', 'data-testid': 'panel-aliases' },
            el('span', { className: 'muted', text: 'Also known as ' }),
            entity.aliases.join(' · '),
          )
        : null,
    );

    const actions = el('div', { className: 'panel-actions', role: 'toolbar', 'aria-label': 'Actions' });
    const button = (label: string, testid: string, title: string, onClick: () => void, primary = false) => {
      const b = el('button', { type: 'button', className: primary ? 'btn primary' : 'btn', 'data-testid': testid, title, text: label });
      b.addEventListener('click', onClick);
      actions.append(b);
    };
    button('Expand', 'btn-expand', 'Add this node’s neighbours to the graph', () => this.actions.expand(entity.id), true);
    if (entity.type === 'MODEL')
      button('Lineage', 'btn-lineage', 'Ancestors and descendants of this model', () => this.actions.lineage(entity.id));
    button('Downstream', 'btn-downstream', 'Show only what depends on this', () => this.actions.downstream(entity.id));
    button('Path from here', 'btn-path-from', 'Pick another node to find a path to it', () => this.actions.pathFrom(entity.id));
    button('Path to here', 'btn-path-to', 'Pick another node to find a path from it', () => this.actions.pathTo(entity.id));
    if (entity.type === 'MODEL')
      button('Compare', 'btn-compare', 'Pick another model to compare with', () => this.actions.compare(entity.id));

    const facts = el('dl', { className: 'facts', 'data-testid': 'panel-attributes' });
    const fact = (term: string, value: string | null | undefined | { text: string | null; title?: string }) => {
      const { text, title } = typeof value === 'object' && value !== null ? value : { text: value, title: undefined };
      if (text == null || text === '') return;
      // A doubtful value says why on the screen, not only in a tooltip.
      const why = title ? el('div', { className: 'muted fact-note', 'data-testid': 'fact-doubt', text: title }) : null;
      facts.append(el('dt', { text: term }), el('dd', { title }, text, why));
    };
    if (entity.type === 'MODEL') {
      fact('Parameters', attribute(entity, 'parameters', entity.parameters, formatParameters));
      fact('Context window', attribute(entity, 'contextWindow', entity.contextWindow, formatContextWindow));
      fact('Released', attribute(entity, 'releaseDate', entity.releaseDate, formatDate));
      fact('Open weights', entity.openWeights == null ? null : entity.openWeights ? 'Yes' : 'No');
      fact('Modalities', entity.modalities?.join(', '));
      this.links(facts, 'Developed by', entity.developers);
    }
    if (entity.type === 'PRODUCT') {
      fact('Kind', entity.productKind ? relationLabel(entity.productKind) : null);
      fact('Released', attribute(entity, 'releaseDate', entity.releaseDate, formatDate));
      fact('Home page', entity.url);
      this.links(facts, 'Powered by', entity.poweredBy);
      this.links(facts, 'Offered by', entity.offeredBy);
    }
    fact('Country', entity.country);
    fact('Category', entity.category ? relationLabel(entity.category) : null);

    const sources = el('ol', { className: 'sources', 'data-testid': 'panel-sources' });
    for (const citation of entity.sources) sources.append(this.citation(citation));
    const groups = groupsOf(entity.sources);

    this.set(
      header,
      actions,
      entity.description ? el('p', { className: 'description', 'data-testid': 'panel-description', text: entity.description }) : el('span'),
      facts.childElementCount > 0 ? facts : el('span'),
      el('h3', { text: `Sources (${entity.sources.length})` }, groups.length > 0 ? sourceBadges(groups) : ''),
      entity.sources.length > 0 ? sources : el('p', { className: 'muted', 'data-testid': 'panel-sources', text: 'No cited sources.' }),
      relationships.length > 0 ? el('h3', { text: `Relationships shown (${relationships.length})` }) : el('span'),
      relationships.length > 0 ? this.relationshipSources(relationships) : el('span'),
    );
  }

  /** Each shown relationship with who states it; the first source's quote or note is the tooltip. */
  private relationshipSources(relationships: ShownRelationship[]): HTMLElement {
    const list = el('ul', { className: 'ref-list relationship-sources', 'data-testid': 'panel-relationship-sources' });
    const sorted = [...relationships].sort((a, b) => a.type.localeCompare(b.type) || a.other.name.localeCompare(b.other.name));
    for (const r of sorted.slice(0, MAX_LISTED_RELATIONSHIPS)) {
      const first = r.citations[0];
      const li = el(
        'li',
        { 'data-testid': 'relationship-source', title: first ? (first.quote ?? first.note ?? '') : 'No citation' },
        // Read from the shown entity: "derived from Llama 2", and for one pointing here "Code Llama derived from this".
        ...(r.forward
          ? [el('span', { className: 'muted', text: `${relationLabel(r.type)} ` }), this.entityLink(r.other)]
          : [this.entityLink(r.other), el('span', { className: 'muted', text: ` ${relationLabel(r.type)} this` })]),
        ' ',
        sourceBadges(groupsOf(r.citations)),
      );
      list.append(li);
    }
    if (sorted.length > MAX_LISTED_RELATIONSHIPS)
      list.append(el('li', { className: 'muted', text: `… and ${sorted.length - MAX_LISTED_RELATIONSHIPS} more` }));
    return list;
  }

  private links(facts: HTMLElement, term: string, refs: EntityRef[] | undefined): void {
    if (!refs || refs.length === 0) return;
    const dd = el('dd');
    refs.forEach((ref, i) => {
      if (i > 0) dd.append(', ');
      dd.append(this.entityLink(ref));
    });
    facts.append(el('dt', { text: term }), dd);
  }

  private citation(c: Citation): HTMLLIElement {
    const s = c.source;
    const title = s.title ?? s.file ?? s.url ?? s.id;
    const meta = el('div', { className: 'source-meta' });
    if (s.url) {
      meta.append(el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', text: title }));
    } else {
      meta.append(el('span', { className: 'source-title', text: title }));
    }
    if (s.file && s.file !== title) meta.append(el('span', { className: 'muted', text: ` · ${s.file}` }));
    if (s.author) meta.append(el('span', { className: 'muted', text: ` · ${s.author}` }));
    if (s.date) meta.append(el('span', { className: 'muted', text: ` · ${formatDate(s.date) ?? s.date}` }));
    meta.append(' ', sourceBadges([sourceGroup(s)]));
    if (c.confidence < 1)
      meta.append(el('span', { className: 'confidence', title: 'Extraction confidence', text: `${Math.round(c.confidence * 100)}%` }));
    // A note is the curator's wording, not the source's: never set as a quotation.
    const text = c.quote
      ? el('blockquote', { 'data-testid': 'source-quote', text: plainQuote(c.quote) })
      : el('p', { className: 'source-note', 'data-testid': 'source-note', text: `Curator’s note: ${c.note ?? ''}` });
    return el('li', { className: 'source' }, text, meta);
  }

  private entityLink(ref: EntityRef): HTMLButtonElement {
    const b = el('button', { type: 'button', className: 'link', 'data-id': ref.id }, shapeIcon(ref.type, 11), ref.name);
    b.addEventListener('click', () => this.actions.select(ref.id));
    return b;
  }

  showCompare(a: EntityRef, b: EntityRef, score: number | null, shared: EntityRef[]): void {
    const list = el('ul', { className: 'ref-list', 'data-testid': 'compare-shared' });
    for (const t of shared) list.append(el('li', {}, this.entityLink(t)));
    this.set(
      el(
        'header',
        { className: 'panel-header' },
        el('span', { className: 'type-badge compare', text: 'Comparison' }),
        el('h2', { 'data-testid': 'panel-title', text: `${a.name} vs ${b.name}` }),
      ),
      el(
        'div',
        { className: 'score', 'data-testid': 'compare-score' },
        el('span', { className: 'score-value', text: score == null ? '—' : score.toFixed(2) }),
        el('span', {
          className: 'muted',
          text: score == null ? ` ${b.name} is not among ${a.name}’s similar models` : ` similarity of ${b.name} to ${a.name}`,
        }),
      ),
      score == null ? el('span') : el('meter', { min: '0', max: '1', value: String(score), 'aria-label': 'similarity' }),
      el('h3', { text: `Shared techniques (${shared.length})` }),
      shared.length > 0
        ? list
        : el('p', { className: 'muted', 'data-testid': 'compare-shared', text: 'These models share no techniques.' }),
      el('p', { className: 'muted', text: 'The two models and their shared techniques are highlighted in purple.' }),
      el('div', { className: 'panel-actions' }, this.backButton(a), this.backButton(b)),
    );
  }

  showPath(from: EntityRef, to: EntityRef, steps: PathStep[] | null): void {
    const title = el('h2', { 'data-testid': 'panel-title', text: `${from.name} → ${to.name}` });
    const header = el('header', { className: 'panel-header' }, el('span', { className: 'type-badge path', text: 'Path' }), title);
    if (!steps) {
      this.set(
        header,
        el('p', {
          className: 'empty-result',
          'data-testid': 'path-empty',
          text: `No path between ${from.name} and ${to.name} within 6 steps.`,
        }),
        el('div', { className: 'panel-actions' }, this.backButton(from)),
      );
      return;
    }
    const list = el('ol', { className: 'path-steps', 'data-testid': 'path-steps' });
    for (const step of steps) {
      const li = el('li', {}, this.entityLink(step.node));
      if (step.via)
        li.append(el('div', { className: 'via muted', text: `${step.via.forward ? '↓' : '↑'} ${relationLabel(step.via.type)}` }));
      list.append(li);
    }
    this.set(
      header,
      el('p', { className: 'muted', text: `${steps.length - 1} step${steps.length === 2 ? '' : 's'}, highlighted in amber.` }),
      list,
      el('div', { className: 'panel-actions' }, this.backButton(from), this.backButton(to)),
    );
  }

  private backButton(ref: EntityRef): HTMLButtonElement {
    const b = el('button', { type: 'button', className: 'btn', text: `Details of ${ref.name}` });
    b.addEventListener('click', () => this.actions.select(ref.id));
    return b;
  }
}
