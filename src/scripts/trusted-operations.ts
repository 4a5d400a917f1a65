/** Where the trusted documents come from: the explorer's clients (web/src/api.ts, web/src/research/api.ts) and the playground's examples. */
import { readFileSync } from 'node:fs';
import { PLAYGROUND_EXAMPLES } from '../http/playground.js';

const EXPLORER_API = new URL('../../web/src/api.ts', import.meta.url);
/** The research views keep their queries in a file of their own, read the same way. */
const EXPLORER_CLIENTS = [EXPLORER_API, new URL('../../web/src/research/api.ts', import.meta.url)];

/**
 * The operation texts the explorer sends, exactly as it sends them: every template literal of
 * web/src/api.ts that starts with `query` or `mutation`, with its `${CONSTANT}` parts replaced by
 * the file's top-level string constants. The manifest is validated against the schema, and the
 * explorer's browser tests run with TRUSTED_DOCUMENTS=only, so a missed operation fails a test.
 */
export function explorerOperations(source = readFileSync(EXPLORER_API, 'utf8')): string[] {
  const constants = new Map([...source.matchAll(/^const (\w+) = `([^`$\\]*)`;$/gm)].map((m) => [m[1]!, m[2]!]));
  return [...source.matchAll(/`(\s*(?:query|mutation)\b[^`]*)`/g)].map((match) =>
    match[1]!.replace(/\$\{(\w+)\}/g, (_all, name: string) => {
      const value = constants.get(name);
      if (value === undefined) throw new Error(`web/src/api.ts: an operation uses \${${name}}, which is not a top-level string constant.`);
      return value;
    }),
  );
}

export const trustedOperationTexts = (): string[] => [
  ...EXPLORER_CLIENTS.flatMap((file) => explorerOperations(readFileSync(file, 'utf8'))),
  ...PLAYGROUND_EXAMPLES.map((example) => example.query),
];
