/** Wires the views together: search → graph → panel, and the actions the panel offers. */
import './styles.css';
import * as api from './api';
import { citedBy, Filters } from './filters';
import { el, formatDate } from './format';
import { GraphView, type Snapshot } from './graph-view';
import { renderLegend } from './legend';
import { Panel, type PathStep, type ShownRelationship } from './panel';
import { BenchmarksView } from './benchmarks/benchmarks-view';
import { mountResearch } from './research';
import { SearchBox } from './search';
import { Timeline } from './timeline';
import { type View, viewToggle } from './views';
import type { EntityRef, Graph } from './types';

function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from index.html`);
  return node as T;
}

type Pending = { kind: 'path-from' | 'path-to' | 'compare'; id: string };

const ui = {
  banner: $('error-banner'),
  bannerText: $('error-text'),
  loading: $('loading'),
  loadingText: $('loading-text'),
  empty: $('empty-state'),
  notice: $('notice'),
  title: $('graph-title'),
  back: $<HTMLButtonElement>('btn-back'),
  fit: $<HTMLButtonElement>('btn-fit'),
  clearHl: $<HTMLButtonElement>('btn-clear-highlight'),
  timelinePane: $('timeline'),
  chartsPane: $('charts'),
  orgsPane: $('org-network'),
  benchmarksPane: $('benchmarks'),
};

const state = {
  view: 'graph' as View,
  selected: null as string | null,
  selectSeq: 0,
  pending: null as Pending | null,
  shiftPicks: [] as string[],
  history: [] as Array<{ snapshot: Snapshot; title: string }>,
  busy: 0,
  /** The graph view's notice: shown with the graph only, kept while another view is shown. */
  notice: { message: null as string | null, withCancel: false },
  /** The title before a path or comparison was highlighted, restored when the highlight is cleared. */
  titleBeforeHighlight: null as string | null,
};

// ---- status: loading, errors, notices -------------------------------------------------------

function setBusy(delta: number, text = 'Loading…'): void {
  state.busy = Math.max(0, state.busy + delta);
  ui.loading.hidden = state.busy === 0;
  if (delta > 0) ui.loadingText.textContent = text;
  document.body.dataset.busy = String(state.busy);
}

function showError(message: string): void {
  ui.bannerText.textContent = message;
  ui.banner.hidden = false;
}

function clearError(): void {
  ui.banner.hidden = true;
  ui.bannerText.textContent = '';
}

/** The graph view's notice ("Path from … to …", a pending pick); other views never show it. */
function notice(message: string | null, withCancel = false): void {
  state.notice = { message, withCancel };
  ui.notice.replaceChildren();
  ui.notice.hidden = !message || state.view !== 'graph';
  if (!message) return;
  ui.notice.append(el('span', { text: message }));
  if (withCancel) {
    const cancel = el('button', { type: 'button', className: 'btn small', 'data-testid': 'btn-cancel-pick', text: 'Cancel' });
    cancel.addEventListener('click', () => setPending(null));
    ui.notice.append(cancel);
  }
}

/** Runs one user action with the loading overlay; any failure goes to the error banner. */
async function run<T>(text: string, action: () => Promise<T>): Promise<T | undefined> {
  clearError();
  setBusy(1, text);
  try {
    return await action();
  } catch (error) {
    showError(error instanceof Error ? error.message : String(error));
    return undefined;
  } finally {
    setBusy(-1);
  }
}

// ---- views ---------------------------------------------------------------------------------

const panel = new Panel($('panel'), {
  select: (id) => void select(id),
  expand: (id) => void expand(id),
  lineage: (id) => void showLineage(id),
  downstream: (id) => void showDownstream(id),
  pathFrom: (id) => setPending({ kind: 'path-from', id }),
  pathTo: (id) => setPending({ kind: 'path-to', id }),
  compare: (id) => setPending({ kind: 'compare', id }),
  benchmark: (id) => showBenchmark(id),
});

const graph = new GraphView($('cy'), {
  onNodeTap: (id, shift) => onNodeTap(id, shift),
  onChange: () => {
    ui.empty.hidden = !graph.isEmpty() || state.view !== 'graph';
    filters.setCounts(graph.typeCounts(), graph.relationCounts());
    applyFilters();
    ui.clearHl.disabled = !graph.hasHighlight();
    ui.back.disabled = state.history.length === 0;
    ui.fit.disabled = graph.isEmpty();
    void research.tools.refresh();
  },
});

const filters = new Filters($('filters'), () => applyFilters());

/** A cytoscape edge id is the API's, prefixed when it collides with a node id (GraphView.toElements). */
const apiEdgeId = (cyId: string) => (cyId.startsWith('edge:') ? cyId.slice('edge:'.length) : cyId);

/**
 * The type checkboxes (GraphView), then the source filter: a relationship the chosen source does not
 * state is hidden, and so is an entity left without a shown relationship (but the selected one).
 */
function applyFilters(): void {
  const s = filters.state;
  graph.setFilters(s.hiddenTypes, s.hiddenRelations);
  if (s.source !== 'all')
    graph.cy.batch(() => {
      graph.cy.edges().forEach((e) => {
        if (!citedBy(api.citationsOfEdge(apiEdgeId(e.id())), s.source)) e.addClass('filtered');
      });
      graph.cy.nodes().forEach((n) => {
        if (
          n.id() !== state.selected &&
          n
            .connectedEdges()
            .filter((e) => !e.hasClass('filtered'))
            .empty()
        )
          n.addClass('filtered');
      });
    });
  graph.setSizeByDegree(s.sizeByDegree);
}

/** The relationships of an entity the graph shows, with who states them, for the panel. */
function shownRelationships(id: string): ShownRelationship[] {
  return graph.cy
    .getElementById(id)
    .connectedEdges()
    .map((e) => {
      const forward = e.source().id() === id;
      const other = forward ? e.target() : e.source();
      return {
        type: e.data('type') as string,
        forward,
        other: { id: other.id(), name: other.data('label') as string, type: other.data('type') },
        citations: api.citationsOfEdge(apiEdgeId(e.id())),
      };
    });
}

const timeline = new Timeline(ui.timelinePane, { onSelect: (id) => void select(id) });

renderLegend($('legend'));

new SearchBox({
  input: $<HTMLInputElement>('search-input'),
  list: $<HTMLUListElement>('search-suggestions'),
  onChoose: (entity) => void choose(entity),
  onError: (message) => showError(message),
});

const research = mountResearch({
  cy: graph.cy,
  barSlot: $('research-bar-slot'),
  chartsPane: ui.chartsPane,
  orgsPane: ui.orgsPane,
  run,
  showError,
});

const benchmarks = new BenchmarksView(ui.benchmarksPane, run, (id, name) => {
  setView('graph');
  void choose({ id, name, type: 'MODEL' });
});

/** A benchmark's leaderboard, from the panel (a model's result, a benchmark's details). */
function showBenchmark(id: string): void {
  setView('benchmarks', id);
}

(window as unknown as { __explorer: unknown }).__explorer = { cy: graph.cy, graph, research, benchmarks };

// ---- actions -------------------------------------------------------------------------------

function setTitle(text: string): void {
  ui.title.textContent = text;
  state.titleBeforeHighlight = null;
}

/** A title for a highlight over the drawn graph; clearing the highlight gives the graph its own title back. */
function setHighlightTitle(text: string): void {
  const before = state.titleBeforeHighlight ?? ui.title.textContent ?? '';
  ui.title.textContent = text;
  state.titleBeforeHighlight = before;
}

function remember(): void {
  if (graph.isEmpty()) return;
  state.history.push({ snapshot: graph.snapshot(), title: ui.title.textContent ?? '' });
  if (state.history.length > 20) state.history.shift();
}

/** What each view does when it is shown (its pane and button are views.ts's). */
const ON_SHOW: Record<View, (benchmarkId?: string) => void> = {
  graph: () => graph.resize(),
  timeline: () => {
    if (!timeline.loaded) {
      void run('Loading timeline…', async () => {
        const { models, total, complete } = await api.datedModels();
        timeline.setModels(models, total, complete);
      });
    } else {
      timeline.render();
    }
    timeline.select(state.selected);
  },
  charts: () => void research.charts.show(),
  orgs: () => void research.orgs.show(),
  benchmarks: (benchmarkId) => void benchmarks.show(benchmarkId),
};

const showView = viewToggle($('view-toggle'), (view) => setView(view));

function setView(view: View, benchmarkId?: string): void {
  state.view = view;
  showView(view);
  ui.empty.hidden = !graph.isEmpty() || view !== 'graph';
  ui.notice.hidden = view !== 'graph' || !state.notice.message;
  document.body.dataset.view = view;
  ON_SHOW[view](benchmarkId);
}

function nameOf(id: string): string {
  return graph.label(id);
}

/** Search (or a start chip) chose an entity: finish a pending pick, or draw its neighbourhood. */
async function choose(entity: EntityRef): Promise<void> {
  if (state.pending) {
    await completePending(entity.id);
    return;
  }
  setView('graph');
  const g = await run(`Loading ${entity.name}…`, () => api.neighborhood([entity.id], 1));
  if (!g) return;
  remember();
  graph.clearHighlight();
  graph.replace(g, 'force', entity.id);
  setTitle(`Neighbourhood of ${nameOf(entity.id)}`);
  notice(g.truncated ? 'The neighbourhood was truncated at the server’s limit.' : null);
  await select(entity.id);
}

async function select(id: string): Promise<void> {
  state.selected = id;
  const seq = ++state.selectSeq;
  graph.focus(id);
  timeline.select(id);
  panel.showLoading('details');
  clearError();
  try {
    const details = await api.entity(id);
    if (seq !== state.selectSeq) return;
    if (!details) panel.showMissing(id);
    else panel.showEntity(details, shownRelationships(id));
  } catch (error) {
    if (seq !== state.selectSeq) return;
    panel.showHint();
    showError(error instanceof Error ? error.message : String(error));
  }
}

async function expand(id: string): Promise<void> {
  setView('graph');
  const g = await run(`Expanding ${nameOf(id)}…`, () => api.neighborhood([id], 1));
  if (!g) return;
  const wasEmpty = graph.isEmpty();
  const added = graph.merge(g, id);
  if (wasEmpty) setTitle(`Neighbourhood of ${nameOf(id)}`);
  else if (!ui.title.textContent?.includes('(expanded)')) setTitle(`${ui.title.textContent ?? ''} (expanded)`);
  graph.focus(id);
  notice(
    added.length === 0
      ? `${nameOf(id)} has no neighbours that are not drawn already.`
      : g.truncated
        ? 'The neighbourhood was truncated at the server’s limit.'
        : null,
  );
  graph.fit();
}

async function showLineage(id: string): Promise<void> {
  setView('graph');
  const g = await run('Loading lineage…', () => api.lineage(id));
  if (!g) return;
  remember();
  graph.replace(g, 'layered', id);
  graph.focus(id);
  setTitle(`Lineage of ${nameOf(id)}`);
  notice(g.nodes.length <= 1 ? `${nameOf(id)} has no recorded ancestors or descendants.` : 'Ancestors above, descendants below.');
}

async function showDownstream(id: string): Promise<void> {
  setView('graph');
  const g = await run('Loading downstream…', () => api.downstream(id));
  if (!g) return;
  remember();
  graph.replace(g, 'layered', id);
  graph.focus(id);
  setTitle(`Downstream of ${nameOf(id)}`);
  notice(
    g.nodes.length <= 1
      ? `Nothing is downstream of ${nameOf(id)}.`
      : g.truncated
        ? 'Downstream was truncated at the server’s limit.'
        : null,
  );
}

function setPending(pending: Pending | null): void {
  state.pending = pending;
  graph.markPickSource(pending?.id ?? null);
  if (!pending) {
    notice(null);
    return;
  }
  const name = nameOf(pending.id);
  const text =
    pending.kind === 'path-from'
      ? `Path from ${name}: click the other end in the graph, or search for it.`
      : pending.kind === 'path-to'
        ? `Path to ${name}: click the start in the graph, or search for it.`
        : `Compare ${name}: click another model, or search for it.`;
  notice(text, true);
  setView('graph');
}

async function completePending(otherId: string): Promise<void> {
  const pending = state.pending;
  if (!pending) return;
  if (otherId === pending.id) {
    notice('Choose a different node for the other end.', true);
    return;
  }
  setPending(null);
  if (pending.kind === 'compare') await runCompare(pending.id, otherId);
  else if (pending.kind === 'path-from') await runPath(pending.id, otherId);
  else await runPath(otherId, pending.id);
}

function onNodeTap(id: string, shift: boolean): void {
  if (state.pending) {
    if (state.pending.kind === 'compare' && graph.type(id) !== 'MODEL') {
      notice('Only models can be compared: click a model.', true);
      return;
    }
    void completePending(id);
    return;
  }
  if (shift) {
    if (graph.type(id) !== 'MODEL') {
      notice('Shift-click selects models to compare; this is not a model.');
      return;
    }
    state.shiftPicks = [...state.shiftPicks.filter((x) => x !== id), id].slice(-2);
    if (state.shiftPicks.length === 2) {
      const [a, b] = state.shiftPicks as [string, string];
      state.shiftPicks = [];
      void runCompare(a, b);
    } else {
      graph.markPickSource(id);
      notice(`Compare ${nameOf(id)}: shift-click a second model.`);
    }
    return;
  }
  void select(id);
}

async function runPath(fromId: string, toId: string): Promise<void> {
  const g = await run('Finding a path…', () => api.path(fromId, toId));
  if (g === undefined) return;
  const ref = (id: string): EntityRef => ({ id, name: nameOf(id), type: graph.type(id) ?? 'MODEL' });
  if (g === null) {
    graph.clearHighlight();
    notice(`No path between ${nameOf(fromId)} and ${nameOf(toId)}.`);
    panel.showPath(ref(fromId), ref(toId), null);
    return;
  }
  graph.merge(g, fromId);
  graph.highlight(
    'path',
    g.nodes.map((n) => n.id),
    g.edges.map((e) => e.id),
  );
  ui.clearHl.disabled = false;
  graph.fit(g.nodes.map((n) => n.id));
  setHighlightTitle(`Path from ${nameOf(fromId)} to ${nameOf(toId)}`);
  notice(`Path from ${nameOf(fromId)} to ${nameOf(toId)}: ${g.edges.length} step${g.edges.length === 1 ? '' : 's'}.`);
  panel.showPath(ref(fromId), ref(toId), orderPath(g, fromId, toId, ref));
}

/** Walks the path's edges from one end to the other, for the panel's step list. */
function orderPath(g: Graph, fromId: string, toId: string, ref: (id: string) => EntityRef): PathStep[] {
  const steps: PathStep[] = [];
  const used = new Set<string>();
  let current = fromId;
  for (let i = 0; i <= g.edges.length; i++) {
    const edge = g.edges.find((e) => !used.has(e.id) && (e.source === current || e.target === current));
    if (!edge || current === toId) {
      steps.push({ node: ref(current) });
      break;
    }
    used.add(edge.id);
    steps.push({ node: ref(current), via: { type: edge.type, forward: edge.source === current } });
    current = edge.source === current ? edge.target : edge.source;
  }
  return steps;
}

async function runCompare(a: string, b: string): Promise<void> {
  const result = await run('Comparing…', async () => {
    const [cmp, uses] = await Promise.all([api.compare(a, b), api.usesNeighborhood([a, b])]);
    return { cmp, uses };
  });
  if (!result) return;
  const { cmp, uses } = result;
  const sharedIds = new Set(cmp.shared.map((t) => t.id));
  const keep = new Set([a, b, ...sharedIds]);
  // Draw only the two models, their shared techniques and the USES edges between them.
  const sub: Graph = {
    nodes: uses.nodes.filter((n) => keep.has(n.id)),
    edges: uses.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
    truncated: false,
  };
  setView('graph');
  graph.merge(sub, a);
  graph.markPickSource(null);
  graph.highlight('compare', [...keep], graph.edgesBetween([a, b], [...sharedIds], 'USES'));
  ui.clearHl.disabled = false;
  graph.fit([...keep]);
  const score = cmp.similar.find((s) => s.model.id === b)?.score ?? null;
  const ref = (id: string): EntityRef => ({ id, name: nameOf(id), type: 'MODEL' });
  setHighlightTitle(`Comparing ${nameOf(a)} and ${nameOf(b)}`);
  notice(`Comparing ${nameOf(a)} and ${nameOf(b)}: ${cmp.shared.length} shared technique${cmp.shared.length === 1 ? '' : 's'}.`);
  panel.showCompare(ref(a), ref(b), score, cmp.shared);
}

// ---- toolbar -------------------------------------------------------------------------------

ui.back.addEventListener('click', () => {
  const previous = state.history.pop();
  if (!previous) return;
  graph.restore(previous.snapshot);
  setTitle(previous.title);
  notice(null);
  if (state.selected) graph.focus(state.selected);
});
ui.fit.addEventListener('click', () => graph.fit());
ui.clearHl.addEventListener('click', () => {
  graph.clearHighlight();
  ui.clearHl.disabled = true;
  if (state.titleBeforeHighlight !== null) setTitle(state.titleBeforeHighlight);
  notice(null);
});
$('error-dismiss').addEventListener('click', clearError);
document.querySelectorAll<HTMLButtonElement>('[data-start]').forEach((b) => {
  b.addEventListener('click', () => void choose({ id: b.dataset.start ?? '', name: b.textContent ?? '', type: 'MODEL' }));
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.pending) setPending(null);
});
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    if (state.view === 'timeline' && timeline.loaded) timeline.render();
    research.resize();
    benchmarks.resize();
  }, 150);
});

// On a narrow window the filters sit under the panel; start them folded.
if (window.matchMedia('(max-width: 900px)').matches) $('filters').closest('details')?.removeAttribute('open');

setView('graph');
setTitle('Graph');
graph.resize();

/** Which data the page shows: the release, or the data version and how the graph was loaded. */
void api
  .dataVersion()
  .then((v) => {
    const loaded = ['documents', ...v.catalogues].join(' + ');
    // What the graph is as of, per catalogue: its newest snapshot (sources come newest first).
    const newest = new Map<string, (typeof v.sources)[number]>();
    for (const s of v.sources) if (s.catalogue && !newest.has(s.catalogue)) newest.set(s.catalogue, s);
    const asOf = [...newest.values()].map((s) => `${s.title?.split(',')[0] ?? s.catalogue} ${formatDate(s.date) ?? s.date}`);
    const version = v.release ? `Data: release ${v.release}` : `Data: ${loaded} · version ${v.graphVersion}`;
    // The header has room for one short line: with catalogues it says what they are as of, the rest is in the tooltip.
    $('data-version').textContent = asOf.length > 0 ? `Data as of ${asOf.join(' · ')}` : version;
    $('data-version').title = [
      version,
      `Graph data version ${v.graphVersion}${v.loadedAt ? `, loaded ${v.loadedAt}` : ''} (Query.dataVersion)`,
      ...[...newest.values()].map((s) => `${s.title}: data as of ${s.date}, copied ${s.retrieved}`),
    ].join('\n');
  })
  .catch(() => {
    // The API's other answers report problems; the data version is a footnote.
  });
