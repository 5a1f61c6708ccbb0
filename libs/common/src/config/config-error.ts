/** A configuration problem that stops startup; its message is one line naming the key. */
export class ConfigError extends Error {
  constructor(
    readonly key: string,
    problem: string,
  ) {
    super(`Configuration error: ${key} ${problem}`);
    this.name = 'ConfigError';
  }
}
