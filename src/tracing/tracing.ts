/**
 * OpenTelemetry tracing: spans for the HTTP request, GraphQL parse / validate / execute and each
 * Cypher statement. Nothing is registered unless tracing is started (startService does when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set), and every helper here checks one variable first, so an
 * untraced service pays a branch per span, not the no-op API's span and context objects.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, propagation, SpanKind, SpanStatusCode, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

let tracer: Tracer | undefined;

export interface Tracing {
  /** Flushes pending spans and unregisters everything. */
  shutdown(): Promise<void>;
}

/**
 * Registers a tracer provider exporting to `exporter` (batched, or one by one for tests), with
 * AsyncLocalStorage context and W3C trace-context propagation, so an incoming `traceparent` is honoured.
 */
export function startTracing(exporter: SpanExporter, options: { batch?: boolean } = {}): Tracing {
  const provider = new NodeTracerProvider({
    spanProcessors: [options.batch === false ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register();
  tracer = provider.getTracer('llm-knowledge-graph');
  return {
    async shutdown() {
      tracer = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

/** Exports over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (the exporter reads it and the other OTEL_* variables). */
export async function startOtlpTracing(): Promise<Tracing> {
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  return startTracing(new OTLPTraceExporter());
}

export const tracingEnabled = (): boolean => tracer !== undefined;

function finish(span: Span, error?: unknown): void {
  if (error !== undefined) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  }
  span.end();
}

/** Runs `work` inside a span (the active one for anything it starts), or just runs it when tracing is off. */
export function inSpan<T>(name: string, attributes: Attributes, work: () => PromiseLike<T>, kind = SpanKind.INTERNAL): PromiseLike<T> {
  if (tracer === undefined) return work();
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      const result = await work();
      finish(span);
      return result;
    } catch (error) {
      finish(span, error);
      throw error;
    }
  });
}

/** A span per Cypher statement: its text, never its parameters (they hold user data). */
export function traced<T>(mode: 'READ' | 'WRITE', cypher: string, database: string | undefined, run: () => PromiseLike<T>): PromiseLike<T> {
  if (tracer === undefined) return run();
  return inSpan(
    `${mode} neo4j`,
    { 'db.system.name': 'neo4j', 'db.query.text': cypher, 'db.namespace': database ?? 'neo4j', 'db.operation.name': mode },
    run,
    SpanKind.CLIENT,
  );
}

/** A span started now and ended by the returned callback (for hooks that come in start/end pairs). */
export function startSpan(name: string, attributes: Attributes = {}): ((error?: unknown) => void) | undefined {
  if (tracer === undefined) return undefined;
  const span = tracer.startSpan(name, { attributes });
  return (error) => finish(span, error);
}

/** Wraps an HTTP handler in a SERVER span that is the parent of everything the request does. */
export function traceHttp(req: IncomingMessage, res: ServerResponse, handle: () => void): void {
  if (tracer === undefined) {
    handle();
    return;
  }
  const parent = propagation.extract(context.active(), req.headers);
  const path = (req.url ?? '/').split('?')[0]!;
  const span = tracer.startSpan(
    `${req.method} ${path}`,
    { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method ?? 'GET', 'url.path': path } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), handle);
}
