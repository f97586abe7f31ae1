/**
 * One permutation run, two ways to drive it. The computation is written once as a generator that
 * yields the number of draws done after each chunk; `runSteps` drives it straight through (Node,
 * the CLI, tests), `runStepsAsync` hands the event loop back every `sliceMs` so that a worker can
 * receive a cancel message while the draws are running (a worker busy in a loop never reads its
 * message queue). Both execute the same statements in the same order, so the same seed gives the
 * same numbers whichever driver ran them.
 */
/** Thrown when `shouldCancel()` returns true; nothing partial is returned. */
export class CancelledError extends Error {
  constructor(message = 'hot-spot computation cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** A chunked computation: yields draws done (non-decreasing), returns the result. */
export type Steps<T> = Generator<number, T, void>;

export interface StepControl {
  /** Called with (draws done, total) when the count has moved since the last call. */
  onProgress?: (done: number, total: number) => void;
  /** Polled after every chunk; returning true throws CancelledError. */
  shouldCancel?: () => boolean;
}

export interface AsyncStepControl extends StepControl {
  /** Longest stretch of work between two yields to the event loop (default 50 ms). */
  sliceMs?: number;
}

/** Runs the steps to the end in one go. */
export function runSteps<T>(steps: Steps<T>, total: number, control: StepControl = {}): T {
  let last = -1;
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (control.shouldCancel?.()) throw new CancelledError();
    if (s.value !== last) control.onProgress?.((last = s.value), total);
  }
}

/**
 * Runs the steps, yielding to the event loop (a macrotask: `setTimeout(0)`, so queued messages are
 * delivered, which a resolved promise would not do) whenever `sliceMs` of work have passed.
 * Cancellation is polled after every chunk and right after every yield, so a cancel is honoured
 * within about one slice.
 */
export async function runStepsAsync<T>(steps: Steps<T>, total: number, control: AsyncStepControl = {}): Promise<T> {
  const sliceMs = control.sliceMs ?? 50;
  let last = -1;
  let sliceStart = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (s.value !== last) control.onProgress?.((last = s.value), total);
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise((r) => setTimeout(r, 0));
      sliceStart = performance.now();
    }
    if (control.shouldCancel?.()) {
      steps.return(undefined as never);
      throw new CancelledError();
    }
  }
}
