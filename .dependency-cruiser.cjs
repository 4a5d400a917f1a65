/**
 * The service's layers, written down once: a module may import from its own layer and the layers
 * below it, never from one above, and no files may import each other in a circle. `npm run lint`
 * runs this (`depcruise src`); tests/unit/layers.test.ts shows it failing on a violation.
 *
 * From the top: what starts things, what speaks HTTP, the MCP server, what speaks GraphQL, the work the service does
 * (loading, analytics, the embedded Neo4j), the Cypher, the driver and caches, and the vocabulary.
 */
const LAYERS = [
  { name: 'entry', paths: ['src/main\\.ts', 'src/service\\.ts', 'src/scripts/'] },
  { name: 'http', paths: ['src/http/'] },
  // The MCP server: its tools run GraphQL operations through the executor, as an HTTP client's would.
  { name: 'mcp', paths: ['src/mcp/'] },
  { name: 'graphql', paths: ['src/graphql/'] },
  {
    name: 'services',
    paths: [
      'src/analytics/',
      'src/seed/',
      'src/import/',
      'src/resolve/',
      'src/quality/',
      'src/bulk-load/',
      'src/documents/',
      'src/release/',
      'src/review/',
      'src/neo4j-local/',
      'src/startup/',
    ],
  },
  { name: 'repositories', paths: ['src/repositories/'] },
  { name: 'infrastructure', paths: ['src/db/', 'src/cache/', 'src/auth/', 'src/workers/'] },
  { name: 'foundation', paths: ['src/domain/', 'src/config/', 'src/logging/', 'src/tracing/', 'src/metrics/'] },
];

const pattern = (layers) => `^(${layers.flatMap((layer) => layer.paths).join('|')})`;

const upward = LAYERS.slice(1).map((layer, index) => ({
  name: `${layer.name}-not-upward`,
  comment: `${layer.name} must not import from ${LAYERS.slice(0, index + 1)
    .map((above) => above.name)
    .join(', ')} (a lower layer never depends on a higher one)`,
  severity: 'error',
  from: { path: pattern([layer]) },
  to: { path: pattern(LAYERS.slice(0, index + 1)) },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'files that import each other in a circle',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'every-file-in-a-layer',
      comment: 'a file under src/ that no layer names: add its folder to LAYERS in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: pattern(LAYERS) },
      to: {},
    },
    ...upward,
  ],
  options: {
    parser: 'swc',
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
