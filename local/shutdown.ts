/**
 * How a foreground local stack stops: Ctrl-C (SIGINT) and SIGTERM run the
 * stack's own stop, which stops taking requests, lets running deliveries
 * finish (their unfinished rest stays in the bus journal) and only then stops
 * the engines; the process exits when that is done. A second signal while
 * stopping is ignored: stopping is already under way.
 */
export function stopOnSignals(
  stop: () => Promise<void>,
  hooks: { stopping?: (signal: string) => void; stopped?: () => void } = {},
): { shutdown: (reason: string) => Promise<void> } {
  let stopping = false;
  const shutdown = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    hooks.stopping?.(reason);
    let code = 0;
    try {
      await stop();
      hooks.stopped?.();
    } catch (error) {
      console.error(`stopping the local stack failed: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  return { shutdown };
}
