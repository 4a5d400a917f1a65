import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../startup/startup-error.js';
import { refuseLargeBodiesEarly } from './server.js';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

const send = (res: http.ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The HTTP server, listening from the first second: until the service is ready it answers /health
 * with 200, /ready with 503 and the phase ("starting Neo4j", "loading the graph 40 %"), and every
 * other path with 503 and the same sentence; then it hands every request to the full app.
 */
export class StartupGate {
  phase = 'starting';
  readonly server: http.Server;
  private handler: Handler | undefined;

  /**
   * @param timeouts how long an idle keep-alive connection is kept open, and how long a request's
   *   headers may take: both above a load balancer's idle timeout (60 s for most), so the balancer,
   *   not this server, closes an idle connection and never reuses one this server has just closed.
   */
  constructor(timeouts: { keepAliveMs: number; headersMs: number }) {
    this.server = http.createServer((req, res) => (this.handler ?? this.answer)(req, res));
    this.server.keepAliveTimeout = timeouts.keepAliveMs;
    this.server.headersTimeout = timeouts.headersMs;
    refuseLargeBodiesEarly(this.server);
  }

  open(handler: Handler): void {
    this.handler = handler;
  }

  /** Listens on host:port; a port in use or a host that is not ours ends start-up with one sentence naming the variable. */
  listen(port: number, host: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => reject(new StartupError(listenProblem(error, port, host)));
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        const address = this.server.address() as AddressInfo;
        const shown = address.address === '0.0.0.0' || address.address === '::' ? '127.0.0.1' : address.address;
        resolve(`http://${address.family === 'IPv6' && shown !== '127.0.0.1' ? `[${shown}]` : shown}:${address.port}`);
      });
    });
  }

  private readonly answer: Handler = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const reason = `The service is starting (${this.phase}).`;
    if (path === '/health') send(res, 200, { status: 'ok' });
    else if (path === '/ready') send(res, 503, { status: 'unavailable', reason });
    else if (path.startsWith('/graphql')) {
      send(res, 503, {
        errors: [{ message: `${reason} Retry when GET /ready answers 200.`, extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
    } else send(res, 503, { error: reason });
    // The body of a request answered this early is not needed.
    req.resume();
  };
}

function listenProblem(error: NodeJS.ErrnoException, port: number, host: string): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `PORT ${port} is already in use on ${host} (another service, or an earlier start still running?): stop it, or set PORT to a free port.`;
    case 'EACCES':
      return `PORT ${port} needs privileges this process does not have: set PORT to 1024 or above.`;
    case 'EADDRNOTAVAIL':
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return `HOST "${host}" is not an address of this machine (${error.code}): use 127.0.0.1, 0.0.0.0 or one of its interface addresses.`;
    default:
      return `The HTTP server could not listen on ${host}:${port} (HOST, PORT): ${error.message}.`;
  }
}
