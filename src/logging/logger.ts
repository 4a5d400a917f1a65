import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'llm-graph' },
    // Tokens and credentials never reach the log, whichever object carries them.
    redact: ['req.headers.authorization', 'headers.authorization', 'password', 'token'],
  });
}
