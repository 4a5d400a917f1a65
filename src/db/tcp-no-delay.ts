import net from 'node:net';
import tls from 'node:tls';

let enabled = false;

/**
 * neo4j-driver 5 opens Bolt sockets with Nagle's algorithm on. A transaction's small BEGIN, RUN and
 * PULL writes then wait for delayed ACKs, adding ~40 ms to some requests (measured on loopback:
 * the same neighbourhood statement took 48 ms with Nagle and 7.6 ms without, with 2 ms spent in
 * Neo4j). The driver offers no socket option, so client sockets this process opens get
 * TCP_NODELAY, which is right for every request/response protocol it speaks.
 */
export function enableTcpNoDelay(): void {
  if (enabled) return;
  enabled = true;
  for (const module of [net, tls] as Array<{ connect: (...args: never[]) => net.Socket }>) {
    const connect = module.connect;
    module.connect = function connectWithoutDelay(this: unknown, ...args: never[]) {
      return connect.apply(this, args).setNoDelay(true);
    };
  }
}
