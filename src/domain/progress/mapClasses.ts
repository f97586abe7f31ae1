/**
 * How the progress map classes "% of the target group resolved": fixed breaks every 20 %, so a
 * colour means the same share in every workspace, level and as-of date (a legend that moved with
 * the data would hide progress), and ColorBrewer YlGnBu (Brewer 2003; light = little resolved,
 * dark blue = most), a hue family the need map (YlOrRd) never uses. Areas behind schedule get a
 * thick outline in a colour outside the ramp — and the legend says so in words, not colour alone.
 * Shared by the map's layer factories and the legend (ui), hence here and not in either.
 */

/** Upper bounds of the first four classes (fractions); the fifth is ≥ 0.8. */
export const PROGRESS_BREAKS = [0.2, 0.4, 0.6, 0.8] as const;
/** YlGnBu, 5 classes. */
export const PROGRESS_PALETTE = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
/** Outline of areas behind schedule (red-orange, outside the ramp). */
export const BEHIND_OUTLINE_HEX = '#d7301f';
/** Areas without a target group (no rate). */
export const PROGRESS_NO_DATA_HEX = '#c8c8c8';

/** Class 0–4 of a resolution rate; -1 when the rate is unknown (no target group). */
export function progressClassOf(rate: number): number {
  if (!Number.isFinite(rate)) return -1;
  let k = 0;
  while (k < PROGRESS_BREAKS.length && rate >= PROGRESS_BREAKS[k]) k++;
  return k;
}
