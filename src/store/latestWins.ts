/**
 * Latest wins: calls made while a pass runs coalesce into one more pass when it finishes, run
 * with whatever the inputs are then — never a queue of stale work (a fast slider drag posts a
 * handful of passes, not one per pixel). A pass returns true to ask for another run itself
 * (its answer arrived for inputs that have changed meanwhile).
 */
export function latestWins(pass: () => Promise<boolean | void>, onBusy?: (busy: boolean) => void): () => Promise<void> {
  let running = false;
  let dirty = false;
  return async function run(): Promise<void> {
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    onBusy?.(true);
    try {
      do {
        dirty = false;
        if (await pass()) dirty = true;
      } while (dirty);
    } finally {
      running = false;
      onBusy?.(false);
    }
  };
}
