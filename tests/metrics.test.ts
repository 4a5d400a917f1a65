import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { graphql, startTestService } from './helpers/service.js';

let service: Service;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

describe('GET /metrics', () => {
  it('exposes requests by operation and outcome, latency, round trips and sessions in Prometheus format', async () => {
    await graphql(service.url, 'query ModelById { model(id: "gpt-4") { name } }');
    await graphql(service.url, 'query TooDeep { lineage(modelId: "gpt-4", maxDepth: 99) { depth } }');
    const response = await fetch(`${service.url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toContain('graphql_requests_total{operation="ModelById",outcome="ok"} 1');
    expect(text).toContain('graphql_requests_total{operation="TooDeep",outcome="BAD_USER_INPUT"} 1');
    expect(text).toMatch(/graphql_request_duration_seconds_count\{operation="ModelById"\} 1/);
    expect(text).toMatch(/graphql_request_cypher_round_trips_bucket\{le="1"\} [1-9]/);
    expect(text).toMatch(/^neo4j_round_trips_total [1-9]\d*$/m);
    expect(text).toMatch(/^neo4j_sessions_active 0$/m);
    expect(text).toContain('process_resident_memory_bytes');
  });

  it('never turns arbitrary client operation names into labels', async () => {
    await graphql(service.url, 'query { graphStats { nodes { label } } }');
    const text = await (await fetch(`${service.url}/metrics`)).text();
    expect(text).toContain('graphql_requests_total{operation="anonymous",outcome="ok"}');
  });
});
