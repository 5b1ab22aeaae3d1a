/**
 * The signal a CLI daemon stops on: the caller's own (tests), or SIGINT/SIGTERM. `release()`
 * removes the process handlers once the daemon has stopped.
 */
export function stopSignal(given?: AbortSignal): { signal: AbortSignal; release(): void } {
  if (given) return { signal: given, release: () => undefined };
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    release: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}
