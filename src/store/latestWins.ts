/**
 * Latest wins: calls made while a pass runs coalesce into one more pass when it finishes, run
 * with whatever the inputs are then — never a queue of stale work (a fast slider drag posts a
 * handful of passes, not one per pixel). A pass returns true to ask for another run itself
 * (its answer arrived for inputs that have changed meanwhile).
 */
export function latestWins(pass: () => Promise<boolean | void>, onBusy?: (busy: boolean) => void): () => Promise<void> {
  let running: Promise<void> | null = null;
  let dirty = false;
  return function run(): Promise<void> {
    // A call during a pass settles with the pass that will include its inputs (the loop below
    // runs once more for it), not at once: a caller awaiting "ranked with my settings" (a
    // briefing slide, issue 15) must not see the previous answer as its own.
    if (running) {
      dirty = true;
      return running;
    }
    onBusy?.(true);
    running = (async () => {
      try {
        do {
          dirty = false;
          if (await pass()) dirty = true;
        } while (dirty);
      } finally {
        running = null;
        onBusy?.(false);
      }
    })();
    return running;
  };
}
