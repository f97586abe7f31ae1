/**
 * Small-count suppression for briefings and exports (PDPA, DESIGN.md §5): a count of 1–4 people
 * could point at a household, so it is shown as "< 5". Zero stays zero (nobody to identify), and
 * a rate whose numerator is suppressed is suppressed with it (the rate and the population would
 * give the count back).
 */
export const SUPPRESSION_THRESHOLD = 5;
export const SUPPRESSED_TEXT = '< 5';

export function isSuppressed(count: number, on: boolean, threshold = SUPPRESSION_THRESHOLD): boolean {
  return on && Number.isFinite(count) && count > 0 && count < threshold;
}

/** `format(count)`, or "< 5" when suppression is on and 0 < count < 5. */
export function suppressCount(count: number, on: boolean, format: (n: number) => string): string {
  return isSuppressed(count, on) ? SUPPRESSED_TEXT : format(count);
}

/** A value derived from `count` (a rate, a share): suppressed whenever its count is. */
export function suppressDerived(value: number, count: number, on: boolean, format: (v: number) => string): string {
  return isSuppressed(count, on) ? SUPPRESSED_TEXT : format(value);
}
