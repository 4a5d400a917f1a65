/**
 * A clause that lets the rest of a subquery run only when `condition` holds (one row, or none).
 *
 * An UNWIND, not a WHERE: the planner moves a WHERE on variables from outside the subquery above the
 * subquery's own scans and searches, so they ran even when the condition was false (a label scan of two
 * million models under a full page). `condition` must read only variables imported into the subquery.
 */
export const onlyIf = (condition: string): string => `UNWIND CASE WHEN ${condition} THEN [true] ELSE [] END AS onlyIf`;
