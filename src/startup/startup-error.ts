/** A start-up failure the user fixes (config, another process, the database's settings); its message is one sentence. */
export class StartupError extends Error {
  override name = 'StartupError';
}
