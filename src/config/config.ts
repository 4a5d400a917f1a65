import { isIP } from 'node:net';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const NODE_ENVS = ['development', 'production', 'test'] as const;
/** Catalogues an empty database can be loaded with besides the documents (src/import/default-catalogues.ts). */
export const CATALOGUE_NAMES = ['epoch', 'models-dev', 'llm-stats', 'epoch-benchmarks'] as const;
export type CatalogueName = (typeof CATALOGUE_NAMES)[number];

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 65535) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a port number from 1 to 65535, got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

const positiveMs = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 100 || value > 600_000) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of milliseconds from 100 to 600000, got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

const wholeNumber = (name: string, fallback: number, max: number, unit: string, min = 0) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return fallback;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < min || value > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of ${unit} from ${min} to ${max}, got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

/** Seconds from 1 to 3600; undefined when unset (the default depends on another variable). */
const seconds = (name: string) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      const value = Number(raw);
      if (!Number.isInteger(value) || value < 1 || value > 3600) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number of seconds from 1 to 3600, got "${raw}".` });
        return z.NEVER;
      }
      return value;
    });

/** Above the 60 s idle timeout of most load balancers (AWS ALB, Google Cloud, nginx's default keepalive). */
const DEFAULT_KEEP_ALIVE_S = 65;

const optionalText = z
  .string()
  .optional()
  .transform((raw) => (raw === undefined || raw === '' ? undefined : raw));

/**
 * CORS_ORIGINS: the origins whose pages may call the API from a browser (`https://app.example.org`,
 * `http://localhost:5173`), or `*` for any page but only for anonymous reads (src/http/cors.ts).
 */
const corsOrigins = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const entries = (raw ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
    const bad = entries.find((entry) => entry !== '*' && !isOrigin(entry));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.org or http://localhost:5173 (scheme, host and port; no path), got "${bad}".`,
      });
      return z.NEVER;
    }
    return { origins: entries.filter((entry) => entry !== '*'), anyOrigin: entries.includes('*') };
  });

/** An http(s) origin exactly as a browser sends it in Origin: lower case, no default port, no path. */
function isOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === text;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: port('PORT', 4000),
  HOST: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const host = raw === undefined || raw === '' ? '127.0.0.1' : raw.replace(/^\[(.*)\]$/, '$1');
      // An IP address, or a host name of dot-separated labels: "0.0.0.0:4000" is neither.
      if (isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$/.test(host)) {
        const hint = /^[^:]+:\d+$/.test(host) ? ' (set the port with PORT, not in HOST)' : '';
        ctx.addIssue({ code: 'custom', message: `HOST must be a host name or IP address${hint}, got "${raw}".` });
        return z.NEVER;
      }
      return host;
    }),
  NEO4J_URI: optionalText.superRefine((uri, ctx) => {
    if (uri !== undefined && !/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(uri)) {
      ctx.addIssue({
        code: 'custom',
        message: `NEO4J_URI must look like bolt://host:7687, neo4j://host or neo4j+s://host, got "${uri}".`,
      });
    }
  }),
  NEO4J_USER: optionalText.transform((v) => v ?? 'neo4j'),
  NEO4J_PASSWORD: optionalText,
  NEO4J_DATABASE: optionalText.superRefine((name, ctx) => {
    if (name !== undefined && !/^[A-Za-z][A-Za-z0-9.-]{2,62}$/.test(name)) {
      ctx.addIssue({
        code: 'custom',
        message: `NEO4J_DATABASE must be a Neo4j database name (letters, digits, dots, dashes; 3-63 characters), got "${name}".`,
      });
    }
  }),
  NEO4J_LOCAL_PORT: port('NEO4J_LOCAL_PORT', 7687),
  NEO4J_LOCAL_DATA: optionalText.transform((v) => v ?? '.data/neo4j'),
  // A Hugging Face-scale graph (millions of models) wants gigabytes; the documents' graph fits the defaults.
  // Below these Neo4j does not start, and would say so in a JVM stack trace.
  NEO4J_LOCAL_HEAP_MB: wholeNumber('NEO4J_LOCAL_HEAP_MB', 768, 262_144, 'megabytes', 256),
  NEO4J_LOCAL_PAGE_CACHE_MB: wholeNumber('NEO4J_LOCAL_PAGE_CACHE_MB', 128, 262_144, 'megabytes', 8),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const level = raw === undefined || raw === '' ? 'info' : raw.toLowerCase();
      if (!(LOG_LEVELS as readonly string[]).includes(level)) {
        ctx.addIssue({ code: 'custom', message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${raw}".` });
        return z.NEVER;
      }
      return level as (typeof LOG_LEVELS)[number];
    }),
  REQUEST_TIMEOUT_MS: positiveMs('REQUEST_TIMEOUT_MS', 10_000),
  API_TOKENS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const tokens: ApiToken[] = [];
      for (const pair of (raw ?? '')
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const [role, token, ...rest] = pair.split(':');
        if (rest.length > 0 || (role !== 'editor' && role !== 'admin') || !token || token.length < 16) {
          ctx.addIssue({
            code: 'custom',
            message:
              'API_TOKENS must be comma-separated role:token pairs with role editor or admin and tokens of at least 16 characters (one entry is not).',
          });
          return z.NEVER;
        }
        tokens.push({ role, token });
      }
      return tokens;
    }),
  READS_REQUIRE_TOKEN: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '' || raw === 'false') return false;
      if (raw === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `READS_REQUIRE_TOKEN must be true or false, got "${raw}".` });
      return z.NEVER;
    }),
  DEBUG_ERRORS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '' || raw === 'false') return false;
      if (raw === 'true') return true;
      ctx.addIssue({ code: 'custom', message: `DEBUG_ERRORS must be true or false, got "${raw}".` });
      return z.NEVER;
    }),
  NODE_ENV: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = raw === undefined || raw === '' ? 'development' : raw;
      if (!(NODE_ENVS as readonly string[]).includes(value)) {
        ctx.addIssue({ code: 'custom', message: `NODE_ENV must be one of ${NODE_ENVS.join(', ')}, got "${raw}".` });
        return z.NEVER;
      }
      return value;
    }),
  LOG_FORMAT: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return undefined;
      if (raw !== 'pretty' && raw !== 'json') {
        ctx.addIssue({ code: 'custom', message: `LOG_FORMAT must be pretty or json, got "${raw}".` });
        return z.NEVER;
      }
      return raw;
    }),
  MEASURES_ENABLED: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '' || raw === 'true') return true;
      if (raw === 'false') return false;
      ctx.addIssue({ code: 'custom', message: `MEASURES_ENABLED must be true or false, got "${raw}".` });
      return z.NEVER;
    }),
  DEFAULT_CATALOGUES: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '') return [...CATALOGUE_NAMES];
      if (raw.trim() === 'none') return [];
      const names = [...new Set(raw.split(',').map((name) => name.trim().toLowerCase()))];
      if (names.some((name) => !(CATALOGUE_NAMES as readonly string[]).includes(name))) {
        ctx.addIssue({
          code: 'custom',
          message: `DEFAULT_CATALOGUES must be none or a comma-separated list of ${CATALOGUE_NAMES.join(', ')} (the catalogues an empty database is loaded with besides the documents), got "${raw}".`,
        });
        return z.NEVER;
      }
      // Loaded in the table's order whatever the order given: each catalogue resolves against the ones before it.
      return CATALOGUE_NAMES.filter((name) => names.includes(name));
    }),
  MEASURES_QUIET_MS: positiveMs('MEASURES_QUIET_MS', 2_000),
  HTTP_KEEP_ALIVE_TIMEOUT_S: seconds('HTTP_KEEP_ALIVE_TIMEOUT_S'),
  HTTP_HEADERS_TIMEOUT_S: seconds('HTTP_HEADERS_TIMEOUT_S'),
  BULK_LOAD_MIN_ENTITIES: wholeNumber('BULK_LOAD_MIN_ENTITIES', 10_000, 1_000_000_000, 'entities'),
  CACHE_MAX_AGE_S: wholeNumber('CACHE_MAX_AGE_S', 60, 86_400, 'seconds'),
  RESPONSE_CACHE_MB: wholeNumber('RESPONSE_CACHE_MB', 64, 65_536, 'megabytes'),
  TRUSTED_DOCUMENTS: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw === '' || raw === 'allow') return 'allow' as const;
      if (raw === 'only') return 'only' as const;
      ctx.addIssue({ code: 'custom', message: `TRUSTED_DOCUMENTS must be only or allow, got "${raw}".` });
      return z.NEVER;
    }),
  CORS_ORIGINS: corsOrigins,
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalText.superRefine((url, ctx) => {
    if (url !== undefined && !/^https?:\/\/[^\s/]+/.test(url)) {
      ctx.addIssue({ code: 'custom', message: `OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "${url}".` });
    }
  }),
});

/** Every variable the service reads, for checks that deployment files set no other. */
export const ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);

export type Role = 'editor' | 'admin';
export interface ApiToken {
  role: Role;
  token: string;
}

export type Config = {
  port: number;
  host: string;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Undefined: pretty on a terminal, JSON otherwise. */
  logFormat: 'pretty' | 'json' | undefined;
  requestTimeoutMs: number;
  production: boolean;
  /** Bearer tokens that may write (editor) or also delete (admin). */
  apiTokens: ApiToken[];
  readsRequireToken: boolean;
  /** Catalogues loaded with the documents into an empty database (the default graph); [] loads the documents only. */
  defaultCatalogues: CatalogueName[];
  /** Background recomputation of the graph measures (PageRank, communities, lineage statistics). */
  measures: { enabled: boolean; pollMs: number; quietMs: number };
  /** Loads of this many entities or more into an empty embedded store go through neo4j-admin's bulk importer (src/bulk-load). */
  bulkLoadMinEntities: number;
  /** Stack traces in the errors clients see; for debugging only. */
  debugErrors: boolean;
  /** max-age of the Cache-Control: public header on anonymous query responses. */
  cacheMaxAgeS: number;
  /** Size of the in-memory response cache; 0 turns it off. */
  responseCacheMb: number;
  /** `only` refuses every operation outside schema/persisted-query-manifest.json. */
  trustedDocuments: 'only' | 'allow';
  /** Origins whose pages may call the API cross-origin; anyOrigin (`*`) grants anonymous reads to every page. */
  cors: { origins: string[]; anyOrigin: boolean };
  /** Where spans go over OTLP/HTTP; undefined turns tracing off. */
  otlpEndpoint: string | undefined;
  /** How long idle keep-alive connections stay open, and how long a request's headers may take (ms). */
  http: { keepAliveTimeoutMs: number; headersTimeoutMs: number };
  neo4j: {
    /** Undefined means: start the embedded local Neo4j. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string | undefined;
    localPort: number;
    localData: string;
    localHeapMb: number;
    localPageCacheMb: number;
  };
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError with one sentence per bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const keepAliveS = e.HTTP_KEEP_ALIVE_TIMEOUT_S ?? DEFAULT_KEEP_ALIVE_S;
  const headersS = e.HTTP_HEADERS_TIMEOUT_S ?? keepAliveS + 1;
  if (headersS <= keepAliveS) {
    throw new ConfigError([
      `HTTP_HEADERS_TIMEOUT_S (${headersS}) must be greater than HTTP_KEEP_ALIVE_TIMEOUT_S (${keepAliveS}), or a request arriving on an idle connection may be cut off.`,
    ]);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
    production: e.NODE_ENV === 'production',
    apiTokens: e.API_TOKENS,
    readsRequireToken: e.READS_REQUIRE_TOKEN,
    defaultCatalogues: e.DEFAULT_CATALOGUES,
    measures: { enabled: e.MEASURES_ENABLED, pollMs: 1_000, quietMs: e.MEASURES_QUIET_MS },
    bulkLoadMinEntities: e.BULK_LOAD_MIN_ENTITIES,
    debugErrors: e.DEBUG_ERRORS,
    cacheMaxAgeS: e.CACHE_MAX_AGE_S,
    responseCacheMb: e.RESPONSE_CACHE_MB,
    trustedDocuments: e.TRUSTED_DOCUMENTS,
    cors: e.CORS_ORIGINS,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    http: { keepAliveTimeoutMs: keepAliveS * 1000, headersTimeoutMs: headersS * 1000 },
    neo4j: {
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      localPort: e.NEO4J_LOCAL_PORT,
      localData: e.NEO4J_LOCAL_DATA,
      localHeapMb: e.NEO4J_LOCAL_HEAP_MB,
      localPageCacheMb: e.NEO4J_LOCAL_PAGE_CACHE_MB,
    },
  };
}
