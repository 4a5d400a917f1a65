import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

function sourceFiles(dir: URL): string[] {
  return readdirSync(fileURLToPath(dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => fileURLToPath(new URL(name, dir)));
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration from the environment', () => {
  it("keeps idle connections past a load balancer's 60 s idle timeout, and takes a longer one", () => {
    expect(loadConfig({}).http).toEqual({ keepAliveTimeoutMs: 65_000, headersTimeoutMs: 66_000 });
    expect(loadConfig({ HTTP_KEEP_ALIVE_TIMEOUT_S: '125' }).http).toEqual({ keepAliveTimeoutMs: 125_000, headersTimeoutMs: 126_000 });
    expect(problemsOf({ HTTP_KEEP_ALIVE_TIMEOUT_S: '0' })).toEqual([
      'HTTP_KEEP_ALIVE_TIMEOUT_S must be a whole number of seconds from 1 to 3600, got "0".',
    ]);
    expect(problemsOf({ HTTP_KEEP_ALIVE_TIMEOUT_S: '90', HTTP_HEADERS_TIMEOUT_S: '60' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_S (60) must be greater than HTTP_KEEP_ALIVE_TIMEOUT_S (90), or a request arriving on an idle connection may be cut off.',
    ]);
  });

  it('is the only place that reads the environment', () => {
    const readers = sourceFiles(new URL('../../src/', import.meta.url))
      .filter((file) => !file.includes('/src/config/'))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => /process\.env(\.|\[)/.test(line))
          .map((line) => `${file.slice(file.indexOf('/src/') + 1)}: ${line.trim()}`),
      );
    expect(readers).toEqual([]);
  });

  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.logLevel).toBe('info');
    expect(config.requestTimeoutMs).toBe(10_000);
    expect(config.neo4j).toEqual({
      uri: undefined,
      user: 'neo4j',
      password: undefined,
      database: undefined,
      localPort: 7687,
      localData: '.data/neo4j',
      localHeapMb: 768,
      localPageCacheMb: 128,
    });
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'secret',
      NEO4J_DATABASE: 'llmgraph',
      NEO4J_LOCAL_PORT: '7700',
      NEO4J_LOCAL_DATA: '/var/lib/llm-graph',
      NEO4J_LOCAL_HEAP_MB: '8192',
      NEO4J_LOCAL_PAGE_CACHE_MB: '4096',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.neo4j).toEqual({
      uri: 'neo4j+s://abc.databases.neo4j.io',
      user: 'reader',
      password: 'secret',
      database: 'llmgraph',
      localPort: 7700,
      localData: '/var/lib/llm-graph',
      localHeapMb: 8192,
      localPageCacheMb: 4096,
    });
    expect(config.logLevel).toBe('debug');
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a port number from 1 to 65535, got "abc".'],
    ['PORT', '70000', 'PORT must be a port number from 1 to 65535, got "70000".'],
    ['PORT', '40.5', 'PORT must be a port number from 1 to 65535, got "40.5".'],
    ['NEO4J_LOCAL_PORT', '0', 'NEO4J_LOCAL_PORT must be a port number from 1 to 65535, got "0".'],
    ['HOST', 'not a host', 'HOST must be a host name or IP address, got "not a host".'],
    [
      'NEO4J_URI',
      'http://localhost:7474',
      'NEO4J_URI must look like bolt://host:7687, neo4j://host or neo4j+s://host, got "http://localhost:7474".',
    ],
    ['NEO4J_DATABASE', 'x', 'NEO4J_DATABASE must be a Neo4j database name (letters, digits, dots, dashes; 3-63 characters), got "x".'],
    ['LOG_LEVEL', 'loud', 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud".'],
    ['REQUEST_TIMEOUT_MS', '5', 'REQUEST_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000, got "5".'],
    ['HOST', '0.0.0.0:4000', 'HOST must be a host name or IP address (set the port with PORT, not in HOST), got "0.0.0.0:4000".'],
    ['NODE_ENV', 'prod', 'NODE_ENV must be one of development, production, test, got "prod".'],
    ['LOG_FORMAT', 'text', 'LOG_FORMAT must be pretty or json, got "text".'],
    ['NEO4J_LOCAL_HEAP_MB', '64', 'NEO4J_LOCAL_HEAP_MB must be a whole number of megabytes from 256 to 262144, got "64".'],
    ['NEO4J_LOCAL_PAGE_CACHE_MB', '1g', 'NEO4J_LOCAL_PAGE_CACHE_MB must be a whole number of megabytes from 8 to 262144, got "1g".'],
  ])('rejects %s=%s with one sentence naming it', (name, value, message) => {
    expect(problemsOf({ [name]: value })).toEqual([message]);
  });

  it('reports every bad variable at once, not just the first', () => {
    const problems = problemsOf({ PORT: 'x', LOG_LEVEL: 'y', NEO4J_URI: 'ftp://z' });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(' ')[0])).toEqual(['PORT', 'NEO4J_URI', 'LOG_LEVEL']);
  });

  it.each(['bolt://127.0.0.1:7687', 'neo4j://cluster.internal', 'neo4j+s://x.databases.neo4j.io', 'bolt+ssc://db:7687'])(
    'accepts NEO4J_URI %s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
    },
  );

  it('reads the caching, trusted-documents and tracing variables, and names a bad one', () => {
    expect(loadConfig({})).toMatchObject({ cacheMaxAgeS: 60, responseCacheMb: 64, trustedDocuments: 'allow', otlpEndpoint: undefined });
    expect(
      loadConfig({
        CACHE_MAX_AGE_S: '0',
        RESPONSE_CACHE_MB: '0',
        TRUSTED_DOCUMENTS: 'only',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
      }),
    ).toMatchObject({ cacheMaxAgeS: 0, responseCacheMb: 0, trustedDocuments: 'only', otlpEndpoint: 'http://127.0.0.1:4318' });
    expect(
      problemsOf({ CACHE_MAX_AGE_S: '-1', RESPONSE_CACHE_MB: 'lots', TRUSTED_DOCUMENTS: 'some', OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' }),
    ).toEqual([
      'CACHE_MAX_AGE_S must be a whole number of seconds from 0 to 86400, got "-1".',
      'RESPONSE_CACHE_MB must be a whole number of megabytes from 0 to 65536, got "lots".',
      'TRUSTED_DOCUMENTS must be only or allow, got "some".',
      'OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "collector".',
    ]);
  });

  it.each(['127.0.0.1', '0.0.0.0', '::', '[::1]', 'localhost', 'api.internal'])('accepts HOST %s', (host) => {
    expect(loadConfig({ HOST: host }).host).toBe(host.replace(/^\[(.*)\]$/, '$1'));
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', NEO4J_URI: '', LOG_LEVEL: '' })).toMatchObject({
      port: 4000,
      logLevel: 'info',
      neo4j: { uri: undefined },
    });
  });

  it('loads every catalogue into an empty database by default, in the table’s order; none loads the documents only; a bad value is one sentence', () => {
    expect(loadConfig({}).defaultCatalogues).toEqual(['epoch', 'models-dev', 'llm-stats', 'epoch-benchmarks']);
    expect(loadConfig({ DEFAULT_CATALOGUES: 'epoch-benchmarks,models-dev' }).defaultCatalogues).toEqual(['models-dev', 'epoch-benchmarks']);
    expect(loadConfig({ DEFAULT_CATALOGUES: 'none' }).defaultCatalogues).toEqual([]);
    expect(loadConfig({ DEFAULT_CATALOGUES: ' Epoch, epoch ' }).defaultCatalogues).toEqual(['epoch']);
    // Each catalogue resolves against the ones before it, so the order given does not matter.
    expect(loadConfig({ DEFAULT_CATALOGUES: 'epoch-benchmarks,epoch' }).defaultCatalogues).toEqual(['epoch', 'epoch-benchmarks']);
    expect(problemsOf({ DEFAULT_CATALOGUES: 'epoch,huggingface' })).toEqual([
      'DEFAULT_CATALOGUES must be none or a comma-separated list of epoch, models-dev, llm-stats, epoch-benchmarks (the catalogues an empty database is loaded with besides the documents), got "epoch,huggingface".',
    ]);
  });

  it('reads CORS_ORIGINS as listed origins and *, and names a bad entry in one sentence', () => {
    expect(loadConfig({}).cors).toEqual({ origins: [], anyOrigin: false });
    expect(loadConfig({ CORS_ORIGINS: 'http://localhost:5173, https://app.example.org,*' }).cors).toEqual({
      origins: ['http://localhost:5173', 'https://app.example.org'],
      anyOrigin: true,
    });
    for (const bad of [
      'https://app.example.org/',
      'app.example.org',
      'ftp://files.example.org',
      'https://App.example.org',
      'http://x:80',
    ]) {
      expect(problemsOf({ CORS_ORIGINS: `http://localhost:5173,${bad}` })).toEqual([
        `CORS_ORIGINS must be * or a comma-separated list of origins such as https://app.example.org or http://localhost:5173 (scheme, host and port; no path), got "${bad}".`,
      ]);
    }
  });
});
