/** Caps on every list and traversal; a request over a cap is refused, never silently shrunk. */
export const LIMITS = {
  first: { min: 1, max: 100 },
  lineageDepth: { min: 1, max: 20 },
  pathDepth: { min: 1, max: 10 },
  neighborhoodDepth: { min: 0, max: 3 },
  neighborhoodLimit: { min: 1, max: 1000 },
  downstreamDepth: { min: 1, max: 10 },
  ids: { min: 1, max: 50 },
  searchLength: { min: 1, max: 200 },
  curveSeries: { min: 1, max: 20 },
  influenceIds: { min: 1, max: 1000 },
} as const;
