/** The local stack's console output: info lines can be silenced (tests) or muted for a while (seeding); warnings and errors cannot. */
export interface Log {
  info(message: string): void;
  warn(message: string): void;
  /** In quiet mode only the message and the error's first line; otherwise the stack too. */
  error(message: string, error?: unknown): void;
  /** Runs `fn` with info lines suppressed (e.g. the access log while the seed makes dozens of calls). */
  muted<T>(fn: () => Promise<T>): Promise<T>;
}

export function createLog(opts: { quiet?: boolean } = {}): Log {
  let mutedDepth = 0;
  return {
    info: (message) => {
      if (!opts.quiet && mutedDepth === 0) console.log(message);
    },
    warn: (message) => console.warn(`warning: ${message}`),
    error: (message, error) => {
      if (error === undefined) return console.error(message);
      const detail = error instanceof Error ? (opts.quiet ? error.message : (error.stack ?? error.message)) : String(error);
      console.error(`${message}: ${detail}`);
    },
    muted: async (fn) => {
      mutedDepth++;
      try {
        return await fn();
      } finally {
        mutedDepth--;
      }
    },
  };
}
