/** The explorer's views: the one list their buttons, panes and switching are made from. */
import { el } from './format';

export const VIEWS = [
  { id: 'graph', label: 'Graph', pane: 'graph-pane' },
  { id: 'timeline', label: 'Timeline', pane: 'timeline' },
  { id: 'charts', label: 'Charts', pane: 'charts' },
  { id: 'orgs', label: 'Organizations', pane: 'org-network' },
  { id: 'benchmarks', label: 'Benchmarks', pane: 'benchmarks' },
] as const;

export type View = (typeof VIEWS)[number]['id'];

/**
 * Puts a button per view into `group` (pressing one calls `choose`); the function returned shows a
 * view: its pane, its button pressed, the others hidden and released.
 */
export function viewToggle(group: HTMLElement, choose: (view: View) => void): (shown: View) => void {
  const views = VIEWS.map((view) => {
    const button = el('button', { type: 'button', id: `view-${view.id}`, 'data-testid': `view-${view.id}`, text: view.label });
    button.addEventListener('click', () => choose(view.id));
    const pane = document.getElementById(view.pane);
    if (!pane) throw new Error(`#${view.pane} is missing from index.html`);
    return { id: view.id, button, pane };
  });
  group.replaceChildren(...views.map((view) => view.button));
  return (shown) => {
    for (const view of views) {
      view.pane.hidden = view.id !== shown;
      view.button.setAttribute('aria-pressed', String(view.id === shown));
    }
  };
}
