/**
 * Child-process entry: `node --import tsx bench/server.ts <ours|raw|peer> <bolt uri>`.
 * Starts one system, sends {type:'ready', url}, answers {type:'stats'} with round trips and RSS,
 * and stops on {type:'stop'} or when the parent goes away.
 */
import { STARTERS, type SystemName } from './systems.js';

// tsx turns on source-mapped stack traces; the driver captures a stack trace for every query, so
// leaving them on would charge every system for the bench's TypeScript loader rather than its own work.
process.setSourceMapsEnabled(false);

const [name, uri] = process.argv.slice(2) as [SystemName, string];
const send = (message: unknown) => process.send?.(message);

try {
  const system = await STARTERS[name](uri);
  process.on('message', (message: { type: string; id?: number }) => {
    if (message.type === 'stats') {
      send({ type: 'stats', id: message.id, roundTrips: system.roundTrips(), rss: process.memoryUsage().rss });
    } else if (message.type === 'stop') {
      void system.stop().finally(() => process.exit(0));
    }
  });
  process.on('disconnect', () => void system.stop().finally(() => process.exit(0)));
  send({ type: 'ready', url: system.url });
} catch (error) {
  send({ type: 'failed', message: (error as Error).stack ?? String(error) });
  process.exit(1);
}
