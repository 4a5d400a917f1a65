/** The search box: debounced suggestions from the `search` query, keyboard and mouse selection. */
import { ApiError, search } from './api';
import { TYPE_STYLE, el, shapeIcon } from './format';
import type { EntityRef, SearchHit } from './types';

export interface SearchOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  onChoose(entity: EntityRef): void;
  onError(message: string): void;
  debounceMs?: number;
}

export class SearchBox {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private seq = 0;
  private hits: SearchHit[] = [];
  private active = -1;

  constructor(private readonly o: SearchOptions) {
    const { input, list } = o;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    list.setAttribute('role', 'listbox');
    input.addEventListener('input', () => this.schedule());
    input.addEventListener('keydown', (e) => this.onKey(e));
    input.addEventListener('focus', () => {
      if (this.hits.length > 0) this.open();
    });
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    // mousedown, not click: it fires before the input's blur closes the list.
    list.addEventListener('mousedown', (e) => {
      const li = (e.target as HTMLElement).closest<HTMLLIElement>('li[data-index]');
      if (!li) return;
      e.preventDefault();
      this.choose(Number(li.dataset.index));
    });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const q = this.o.input.value.trim();
    if (q === '') {
      this.seq++;
      this.hits = [];
      this.close();
      return;
    }
    this.timer = setTimeout(() => void this.run(q), this.o.debounceMs ?? 200);
  }

  private async run(q: string): Promise<void> {
    const seq = ++this.seq;
    this.renderMessage('Searching…', 'search-loading');
    try {
      const hits = await search(q);
      if (seq !== this.seq) return;
      this.hits = hits;
      this.active = hits.length > 0 ? 0 : -1;
      if (hits.length === 0) this.renderMessage(`No results for “${q}”`, 'search-empty');
      else this.render(q);
    } catch (error) {
      if (seq !== this.seq) return;
      this.hits = [];
      this.close();
      this.o.onError(error instanceof ApiError ? error.message : `Search failed: ${String(error)}`);
    }
  }

  private renderMessage(text: string, testid: string): void {
    this.o.list.replaceChildren(
      el('li', { className: 'suggestion-message', 'data-testid': testid, role: 'option', 'aria-disabled': 'true', text }),
    );
    this.open();
  }

  private render(q: string): void {
    const lower = q.toLowerCase();
    const items = this.hits.map((hit, i) => {
      const { entity } = hit;
      const style = TYPE_STYLE[entity.type];
      const alias = entity.name.toLowerCase().includes(lower) ? undefined : entity.aliases.find((a) => a.toLowerCase().includes(lower));
      return el(
        'li',
        {
          id: `suggestion-${i}`,
          role: 'option',
          className: 'suggestion',
          'data-index': String(i),
          'data-id': entity.id,
          'data-testid': 'search-suggestion',
          'aria-selected': i === this.active ? 'true' : 'false',
        },
        shapeIcon(entity.type, 14),
        el('span', { className: 'suggestion-name', text: entity.name }),
        alias ? el('span', { className: 'suggestion-alias', text: alias }) : null,
        el('span', { className: 'suggestion-type', style: `--type-color:${style.color}`, text: style.label }),
      );
    });
    this.o.list.replaceChildren(...items);
    this.open();
    this.updateActive();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.hits.length === 0) return;
      e.preventDefault();
      const delta = e.key === 'ArrowDown' ? 1 : -1;
      this.active = (this.active + delta + this.hits.length) % this.hits.length;
      this.updateActive();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (this.hits.length > 0) this.choose(Math.max(0, this.active));
    } else if (e.key === 'Escape') {
      this.close();
    }
  }

  private updateActive(): void {
    this.o.list.querySelectorAll<HTMLLIElement>('li[data-index]').forEach((li) => {
      const on = Number(li.dataset.index) === this.active;
      li.setAttribute('aria-selected', on ? 'true' : 'false');
      if (on) li.scrollIntoView({ block: 'nearest' });
    });
    this.o.input.setAttribute('aria-activedescendant', this.active >= 0 ? `suggestion-${this.active}` : '');
  }

  private choose(index: number): void {
    const hit = this.hits[index];
    if (!hit) return;
    this.o.input.value = hit.entity.name;
    this.close();
    this.o.onChoose(hit.entity);
  }

  private open(): void {
    this.o.list.hidden = false;
    this.o.input.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.o.list.hidden = true;
    this.o.input.setAttribute('aria-expanded', 'false');
  }
}
