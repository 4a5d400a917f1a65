import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** pretty: one readable line per event for a person at a terminal; json: one object per line for log collectors. */
export type LogFormat = 'pretty' | 'json';

/** Pretty on a terminal and JSON otherwise, unless LOG_FORMAT says which. */
export function createLogger(level: string, format: LogFormat | undefined = undefined): Logger {
  const options = {
    level,
    base: { service: 'llm-graph' },
    // Tokens and credentials never reach the log, whichever object carries them.
    redact: ['req.headers.authorization', 'headers.authorization', 'password', 'token'],
  };
  if ((format ?? (process.stdout.isTTY ? 'pretty' : 'json')) === 'json') return pino(options);
  return pino(
    options,
    pretty({
      colorize: process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      // The message already says what these fields hold; JSON keeps them for machines.
      ignore: 'pid,hostname,service,url,port,data,uri,reused,explorer,playground,api,delayMs,attempt',
      // Synchronous, so the last lines before an exit are never lost.
      sync: true,
    }),
  );
}
