/**
 * Trusted documents: the operations the explorer (web/src/operations, compiled by codegen) and the playground's examples
 * send, in Apollo's persisted query list format (schema/persisted-query-manifest.json, written by
 * `npm run manifest:print`). They are served by hash as persisted queries; with
 * TRUSTED_DOCUMENTS=only every other operation is refused, `allow` also runs ad-hoc ones and
 * registers automatic persisted queries.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import { type KeyValueCache, InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, parse, type GraphQLSchema, type OperationDefinitionNode, validate } from 'graphql';

export type TrustedDocumentsMode = 'only' | 'allow';

export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: Array<{ id: string; name: string; type: 'query' | 'mutation' | 'subscription'; body: string }>;
}

export const MANIFEST_PATH = new URL('../../../schema/persisted-query-manifest.json', import.meta.url);

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A manifest of the given operation texts, each checked against the schema (a stale one fails here). */
export function buildManifest(schema: GraphQLSchema, bodies: string[]): PersistedQueryManifest {
  const operations = bodies.map((body) => {
    const document = parse(body);
    const errors = validate(schema, document);
    if (errors.length > 0) throw new Error(`A trusted operation does not validate: ${errors[0]!.message}\n${body}`);
    const [operation, ...more] = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
    if (!operation?.name || more.length > 0) throw new Error(`A trusted document must hold one named operation:\n${body}`);
    return { id: sha256(body), name: operation.name.value, type: operation.operation, body };
  });
  return { format: 'apollo-persisted-query-manifest', version: 1, operations };
}

export function loadManifest(path: URL | string = MANIFEST_PATH): PersistedQueryManifest {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest;
  if (manifest.format !== 'apollo-persisted-query-manifest' || manifest.version !== 1)
    throw new Error(`${String(path)} is not an Apollo persisted query manifest (format apollo-persisted-query-manifest, version 1).`);
  return manifest;
}

// Apollo prefixes the keys of its persisted-query cache.
export const APQ_PREFIX = 'apq:';

/**
 * The store behind Apollo's persisted queries: the manifest's operations always, and in `allow`
 * mode the automatic persisted queries clients register (bounded, least recently used dropped).
 */
export function persistedQueryStore(manifest: PersistedQueryManifest, mode: TrustedDocumentsMode): KeyValueCache<string> {
  const trusted = new Map(manifest.operations.map((op) => [op.id, op.body]));
  const registered = mode === 'allow' ? new InMemoryLRUCache<string>({ maxSize: 8 * 1024 * 1024 }) : undefined;
  const hashOf = (key: string) => (key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
  return {
    async get(key) {
      return trusted.get(hashOf(key)) ?? registered?.get(key);
    },
    async set(key, value, options) {
      await registered?.set(key, value, options);
    },
    async delete(key) {
      await registered?.delete(key);
    },
  };
}

/** In `only` mode, refuses every operation whose text is not one of the manifest's. */
export function trustedDocumentsPlugin(manifest: PersistedQueryManifest, mode: TrustedDocumentsMode): ApolloServerPlugin {
  const trusted = new Set(manifest.operations.map((op) => op.id));
  if (mode === 'allow') return {};
  return {
    async requestDidStart() {
      return {
        // Thrown from didResolveSource the error would become a 500; here it is answered as given.
        async didResolveOperation({ queryHash }) {
          if (!trusted.has(queryHash))
            throw new GraphQLError(
              'This service runs only its trusted operations (TRUSTED_DOCUMENTS=only), and this one is not among them; use the explorer, or send a persisted query id from schema/persisted-query-manifest.json.',
              { extensions: { code: 'FORBIDDEN', http: { status: 403 } } },
            );
        },
      };
    },
  };
}
