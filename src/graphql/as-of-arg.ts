/** The `asOf` argument of the graph and research queries. */
export const AS_OF = {
  nullable: true,
  description:
    'The graph as of the end of this ISO date (2022, 2022-12 or 2022-12-31): only entities released (a technique: first adopted) by then, and relationships whose both ends existed; models without a release date are left out, organizations, limitations and datasets have no dates and stay (docs/research.md).',
} as const;
