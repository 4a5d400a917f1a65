import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_NAMES, loadConfig } from '../../src/config/config.js';

// No Docker engine runs on our build machines, so the compose file is checked by reading it.
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, Record<string, unknown>>;
  volumes: Record<string, unknown>;
};
const dockerfile = readFileSync('Dockerfile', 'utf8');

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with a persistent volume and a healthcheck', () => {
    const neo4j = compose.services.neo4j!;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.volumes).toEqual(['neo4j-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
    expect((neo4j.healthcheck as { test: string[] }).test.join(' ')).toContain('cypher-shell -u neo4j');
    expect(neo4j.ports).toEqual(['127.0.0.1:7687:7687']);
  });

  it('builds the API from the Dockerfile and starts it only once Neo4j is healthy', () => {
    const api = compose.services.api!;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.ports).toEqual(['127.0.0.1:4000:4000']);
  });

  it('wires the API to the neo4j service with the same credentials and the documented variable names', () => {
    const env = compose.services.api!.environment as Record<string, string>;
    expect(env.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(env.NEO4J_USER).toBe('neo4j');
    const neo4jAuth = (compose.services.neo4j!.environment as Record<string, string>).NEO4J_AUTH;
    expect(neo4jAuth).toBe(`neo4j/${env.NEO4J_PASSWORD}`);
    expect(env.HOST).toBe('0.0.0.0');
    expect(env.PORT).toBe('4000');
  });

  it('sets only variables the service reads, with values its configuration accepts', () => {
    const env = compose.services.api!.environment as Record<string, string>;
    const known = new Set(ENV_NAMES);
    expect(Object.keys(env).filter((name) => !known.has(name))).toEqual([]);
    // Compose substitutes ${NEO4J_PASSWORD:-…} before the service sees it; any value is a password.
    const config = loadConfig(Object.fromEntries(Object.entries(env).map(([name, value]) => [name, value.replace(/\$\{[^}]+\}/g, 'pw')])));
    expect(config).toMatchObject({ host: '0.0.0.0', port: 4000, neo4j: { uri: 'bolt://neo4j:7687', user: 'neo4j', password: 'pw' } });
  });

  it('has exactly the two services, a Neo4j healthcheck that retries through its start and an API healthcheck on /ready', () => {
    const health = compose.services.neo4j!.healthcheck as { test: string[]; interval: string; retries: number; start_period: string };
    expect(health.test[0]).toBe('CMD-SHELL');
    expect(health.retries).toBeGreaterThanOrEqual(10);
    const api = compose.services.api!.healthcheck as { test: string[] };
    expect(api.test.join(' ')).toContain('/ready');
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'neo4j']);
  });

  it('has a Dockerfile that builds dist/ and runs node dist/main.js on port 4000', () => {
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toContain('npm run build');
    expect(dockerfile).toContain('EXPOSE 4000');
    expect(dockerfile).toContain('CMD ["node", "dist/main.js"]');
    expect(dockerfile).toContain('COPY seed ./seed');
    expect(dockerfile).toContain('COPY --from=build /app/web/dist ./web/dist');
  });
});
