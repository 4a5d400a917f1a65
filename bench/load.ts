/** One fixed-concurrency HTTP run with autocannon, cycling through pre-rendered request bodies. */
import autocannon from 'autocannon';

export interface LoadResult {
  durationS: number;
  /** Requests sent (completed + in flight when the run ended). */
  sent: number;
  completed: number;
  /** Non-2xx responses and 2xx responses whose body carries GraphQL "errors". */
  errors: number;
  /** Every completed request's latency in milliseconds, so several runs can be pooled. */
  latenciesMs: number[];
}

/** A GET request: path with query string, and headers (a CSRF preflight header, If-None-Match). */
export interface GetRequest {
  path: string;
  headers: Record<string, string>;
}

/** POSTs the bodies in turn, or with `gets`, sends those GETs in turn (304 counts as success). */
export function runLoad(options: {
  url: string;
  bodies: string[];
  gets?: GetRequest[];
  connections: number;
  durationS: number;
}): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  const latenciesMs: number[] = [];
  const { bodies, gets } = options;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationS,
        pipelining: 1,
        timeout: 30,
        requests: [
          gets
            ? {
                method: 'GET',
                setupRequest: (request) => {
                  const get = gets[next % gets.length]!;
                  next += 1;
                  return { ...request, path: get.path, headers: get.headers };
                },
                onResponse: (status, body) => {
                  if ((status !== 200 && status !== 304) || body.includes('"errors"')) errors += 1;
                },
              }
            : {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                setupRequest: (request) => {
                  const body = bodies[next % bodies.length]!;
                  next += 1;
                  return { ...request, body };
                },
                onResponse: (status, body) => {
                  if (status !== 200 || body.includes('"errors"')) errors += 1;
                },
              },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          durationS: result.duration,
          sent: result.requests.sent,
          completed: result.requests.total,
          errors: errors + result.errors + result.timeouts,
          latenciesMs,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) =>
      latenciesMs.push(responseTimeMs),
    );
  });
}

/** Pools several runs of one system: requests per second over their summed duration, exact percentiles. */
export function pool(runs: LoadResult[]): { rps: number; p50_ms: number; p99_ms: number; sent: number; completed: number; errors: number } {
  const latencies = runs.flatMap((run) => run.latenciesMs).sort((a, b) => a - b);
  const percentile = (p: number) =>
    latencies.length === 0 ? 0 : Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! * 10) / 10;
  const sum = (pick: (run: LoadResult) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    rps:
      sum((run) => run.completed) /
      Math.max(
        sum((run) => run.durationS),
        1e-9,
      ),
    p50_ms: percentile(50),
    p99_ms: percentile(99),
    sent: sum((run) => run.sent),
    completed: sum((run) => run.completed),
    errors: sum((run) => run.errors),
  };
}

/** Whether an answer holds no value at all: only empty lists, empty objects and nulls. */
export const isEmptyAnswer = (value: unknown): boolean =>
  value === null || value === undefined || (typeof value === 'object' && Object.values(value).every(isEmptyAnswer));

/**
 * Sends the first few bodies once and checks they answer data without errors, and not all nothing:
 * a scenario whose variables match nothing in the store measures empty answers, not the query.
 * (One empty answer can be right: two models with no path between them.)
 */
export async function verify(url: string, bodies: string[], count = 3): Promise<{ ok: boolean; message: string; bytes: number }> {
  let bytes = 0;
  let empty = 0;
  for (const body of bodies.slice(0, count)) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    bytes += text.length;
    if (response.status !== 200 || text.includes('"errors"'))
      return { ok: false, message: `${response.status} ${text.slice(0, 400)}`, bytes };
    if (isEmptyAnswer((JSON.parse(text) as { data?: unknown }).data)) empty += 1;
  }
  if (empty === Math.min(count, bodies.length)) return { ok: false, message: `only empty answers, e.g. to ${bodies[0]}`, bytes };
  return { ok: true, message: 'ok', bytes: Math.round(bytes / Math.min(count, bodies.length)) };
}
