import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

/** pretty: one readable line per event for a person at a terminal; json: one object per line for log collectors. */
export type LogFormat = 'pretty' | 'json';

/**
 * Pretty on a terminal and JSON otherwise, unless LOG_FORMAT says which. `fd` 2 writes to stderr, for
 * processes whose stdout is a protocol (the MCP server over stdio).
 */
export function createLogger(level: string, format: LogFormat | undefined = undefined, fd: 1 | 2 = 1): Logger {
  const options = {
    level,
    base: { service: 'llm-graph' },
    // Tokens and credentials never reach the log, whichever object carries them.
    redact: ['req.headers.authorization', 'headers.authorization', 'password', 'token'],
  };
  const terminal = (fd === 1 ? process.stdout : process.stderr).isTTY;
  if ((format ?? (terminal ? 'pretty' : 'json')) === 'json')
    return fd === 1 ? pino(options) : pino(options, pino.destination({ fd, sync: true }));
  return pino(
    options,
    pretty({
      colorize: terminal,
      destination: fd,
      translateTime: 'SYS:HH:MM:ss',
      // The message already says what these fields hold; JSON keeps them for machines.
      ignore: 'pid,hostname,service,url,port,data,uri,reused,explorer,playground,api,mcp,delayMs,attempt',
      // Synchronous, so the last lines before an exit are never lost.
      sync: true,
    }),
  );
}
