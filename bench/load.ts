/** One fixed-concurrency HTTP run with autocannon, cycling through pre-rendered request bodies. */
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50_ms: number;
  p99_ms: number;
  /** Requests sent (completed + in flight when the run ended). */
  sent: number;
  completed: number;
  /** Non-2xx responses and 2xx responses whose body carries GraphQL "errors". */
  errors: number;
}

export async function runLoad(options: { url: string; bodies: string[]; connections: number; durationS: number }): Promise<LoadResult> {
  let next = 0;
  let errors = 0;
  const bodies = options.bodies;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationS,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
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
  });
  return {
    rps: result.requests.average,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    sent: result.requests.sent,
    completed: result.requests.total,
    errors: errors + result.errors + result.timeouts,
  };
}

/** Sends the first few bodies once and checks they answer data without errors. */
export async function verify(url: string, bodies: string[], count = 3): Promise<{ ok: boolean; message: string; bytes: number }> {
  let bytes = 0;
  for (const body of bodies.slice(0, count)) {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await response.text();
    bytes += text.length;
    if (response.status !== 200 || text.includes('"errors"')) return { ok: false, message: `${response.status} ${text.slice(0, 400)}`, bytes };
  }
  return { ok: true, message: 'ok', bytes: Math.round(bytes / Math.min(count, bodies.length)) };
}
