/** Display names, colours, shapes and number formats shared by the views. */
import type { EntityType, RelationType } from './generated/graphql';
import type { ClaimSummary } from './types';

export interface TypeStyle {
  label: string;
  plural: string;
  color: string;
  /** Cytoscape node shape. */
  shape: 'ellipse' | 'round-rectangle' | 'diamond' | 'round-triangle' | 'hexagon';
}

export const TYPE_STYLE: Record<EntityType, TypeStyle> = {
  MODEL: { label: 'Model', plural: 'Models', color: '#2563eb', shape: 'ellipse' },
  ORGANIZATION: { label: 'Organization', plural: 'Organizations', color: '#d97706', shape: 'round-rectangle' },
  TECHNIQUE: { label: 'Technique', plural: 'Techniques', color: '#059669', shape: 'diamond' },
  LIMITATION: { label: 'Limitation', plural: 'Limitations', color: '#dc2626', shape: 'round-triangle' },
  DATASET: { label: 'Dataset', plural: 'Datasets', color: '#6b7280', shape: 'hexagon' },
  PRODUCT: { label: 'Product', plural: 'Products', color: '#db2777', shape: 'hexagon' },
  SERIES: { label: 'Series', plural: 'Series', color: '#0891b2', shape: 'round-rectangle' },
  OFFERING: { label: 'Offering', plural: 'Offerings', color: '#65a30d', shape: 'round-triangle' },
  BENCHMARK: { label: 'Benchmark', plural: 'Benchmarks', color: '#7c3aed', shape: 'round-triangle' },
};

/** Every kind, in the order the legend and the filters list them. */
export const ENTITY_TYPES = Object.keys(TYPE_STYLE) as EntityType[];

export const RELATION_COLOR: Record<RelationType, string> = {
  DEVELOPED_BY: '#b45309',
  DERIVED_FROM: '#1d4ed8',
  USES: '#047857',
  HAS_LIMITATION: '#b91c1c',
  MITIGATES: '#0d9488',
  BUILDS_ON: '#65a30d',
  COMPETES_WITH: '#9333ea',
  COLLABORATES_WITH: '#c2410c',
  INVESTS_IN: '#a16207',
  PROPOSED_BY: '#7c3aed',
  TRAINED_ON: '#4b5563',
  POWERED_BY: '#be185d',
  OFFERED_BY: '#9d174d',
  MEMBER_OF: '#0e7490',
  PART_OF: '#57534e',
  SERVES: '#4d7c0f',
  SCORED_ON: '#6d28d9',
};

/** Every relationship type, in the order the filters list them. */
export const RELATION_TYPES = Object.keys(RELATION_COLOR) as RelationType[];

/** DERIVED_FROM → "derived from". */
export function relationLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export function edgeLabel(type: string, kind: string | null | undefined): string {
  const base = relationLabel(type);
  if (!kind || kind.toUpperCase() === type.toUpperCase()) return base;
  return `${base} (${kind.toLowerCase().replace(/_/g, ' ')})`;
}

/**
 * A value the API withholds, marked: a rumour "≈1.8T (rumoured)", a value failing a plausibility rule
 * "70B (doubtful)" (the rules' reasons go in the tooltip).
 */
export function withheldText(text: string | null, claim: ClaimSummary): { text: string | null; title?: string } {
  if (text === null) return { text };
  if (claim.hedged) return { text: `≈${text} (rumoured)` };
  return { text: `${text} (doubtful)`, title: claim.flags.map((f) => f.reason).join(' ') };
}

/** 175e9 → "175B", 1.8e12 → "1.8T", 117e6 → "117M". */
export function formatParameters(n: number | null | undefined): string | null {
  if (n == null || !Number.isFinite(n)) return null;
  const units: Array<[number, string]> = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(n) >= size) return `${trim(n / size)}${unit}`;
  }
  return String(n);
}

function trim(x: number): string {
  const digits = x >= 100 ? 0 : x >= 10 ? 1 : 2;
  return String(Number(x.toFixed(digits)));
}

/** 8192 → "8,192 tokens (8K)". */
export function formatContextWindow(n: number | null | undefined): string | null {
  if (n == null || !Number.isFinite(n)) return null;
  const short = n >= 1_000_000 ? `${trim(n / 1_048_576)}M` : n >= 1000 ? `${Math.round(n / 1024)}K` : null;
  return `${n.toLocaleString('en-US')} tokens${short ? ` (${short})` : ''}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2023-03-14" → "14 Mar 2023", "2018-06" → "Jun 2018", "2019" → "2019". */
export function formatDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value);
  if (!m) return value;
  const [, y, mo, d] = m;
  if (!mo) return y ?? value;
  const month = MONTHS[Number(mo) - 1] ?? mo;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** A release date as a fractional year for the timeline axis, or null. */
export function dateToYear(value: string | null | undefined): number | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) - 1 : 0;
  const day = m[3] ? Number(m[3]) - 1 : 0;
  return year + (month + day / 31) / 12;
}

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

// SVG element and geometry (20 × 20 box) drawing each node shape; others get the rounded triangle.
const ICON_SHAPES: Record<'ellipse' | 'round-rectangle' | 'diamond' | 'triangle', [string, Record<string, string>]> = {
  ellipse: ['circle', { cx: '10', cy: '10', r: '8' }],
  'round-rectangle': ['rect', { x: '2', y: '4', width: '16', height: '12', rx: '3' }],
  diamond: ['polygon', { points: '10,1 19,10 10,19 1,10' }],
  triangle: ['polygon', { points: '10,2 19,18 1,18', 'stroke-linejoin': 'round', 'stroke-width': '2' }],
};

/** A small inline SVG of a type's node shape, for legends and badges. */
export function shapeIcon(type: EntityType, size = 14): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('viewBox', '0 0 20 20');
  svg.setAttribute('aria-hidden', 'true');
  svg.classList.add('shape-icon');
  const { color, shape } = TYPE_STYLE[type];
  const [tag, attributes] = ICON_SHAPES[shape === 'ellipse' || shape === 'round-rectangle' || shape === 'diamond' ? shape : 'triangle'];
  const child = document.createElementNS(ns, tag);
  for (const [name, value] of Object.entries(attributes)) child.setAttribute(name, value);
  child.setAttribute('fill', color);
  // The triangle's rounded corners come from a stroke of its own colour.
  if (attributes['stroke-width']) child.setAttribute('stroke', color);
  svg.append(child);
  return svg;
}
