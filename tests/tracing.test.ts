import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from '../src/service.js';
import { startTracing, type Tracing } from '../src/tracing/tracing.js';
import { graphql, startTestService } from './helpers/service.js';

describe('OpenTelemetry tracing', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let service: Service;

  beforeAll(async () => {
    tracing = startTracing(exporter, { batch: false });
    // A cache would answer the second request without Neo4j; this test follows one that reaches it.
    service = await startTestService({ RESPONSE_CACHE_MB: '0' });
  });
  afterAll(async () => {
    await service?.stop();
    await tracing?.shutdown();
  });

  it('follows one request from HTTP through GraphQL to the Cypher statement, without its parameters', async () => {
    exporter.reset();
    const result = await graphql(service.url, 'query Traced($id: ID!) { model(id: $id) { id name } }', { id: 'gpt-4' });
    expect(result.data).toEqual({ model: { id: 'gpt-4', name: 'GPT-4' } });
    // The HTTP span ends when the response is closed, just after the client has read it.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const spans = exporter.getFinishedSpans();
    const byName = (name: string) => spans.find((span) => span.name === name);
    const http = byName('POST /graphql');
    const parse = byName('graphql.parse');
    const validate = byName('graphql.validate');
    const execute = byName('graphql.execute');
    const cypher = spans.filter((span) => span.name === 'READ neo4j' && String(span.attributes['db.query.text']).includes('$id'));
    expect(http && parse && validate && execute).toBeTruthy();
    expect(cypher).toHaveLength(1);
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    expect(parentOf(parse!)).toBe(http!.spanContext().spanId);
    expect(parentOf(validate!)).toBe(http!.spanContext().spanId);
    expect(parentOf(execute!)).toBe(http!.spanContext().spanId);
    expect(parentOf(cypher[0]!)).toBe(execute!.spanContext().spanId);
    expect(http!.attributes['http.response.status_code']).toBe(200);
    expect(cypher[0]!.attributes['db.system.name']).toBe('neo4j');
    // The statement's text, never the values bound to it.
    expect(JSON.stringify(cypher[0]!.attributes)).not.toContain('gpt-4');

    // The same read again takes the prepared path: nothing to parse or validate, the rest as before.
    exporter.reset();
    await graphql(service.url, 'query Traced($id: ID!) { model(id: $id) { id name } }', { id: 'gpt-4' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const again = exporter.getFinishedSpans();
    const [http2, execute2, cypher2] = ['POST /graphql', 'graphql.execute', 'READ neo4j'].map((name) =>
      again.find((span) => span.name === name),
    );
    expect(again.map((span) => span.name)).not.toContain('graphql.parse');
    expect(parentOf(execute2!)).toBe(http2!.spanContext().spanId);
    expect(parentOf(cypher2!)).toBe(execute2!.spanContext().spanId);
  });
});
