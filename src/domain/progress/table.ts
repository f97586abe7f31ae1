/**
 * Progress as rows for the CLI and exports (one object per area, the keys of `cli progress`),
 * with the PDPA small-count option: counts of 1–4 people become the string "< 5", and values
 * that would let a suppressed count be recomputed (a rate over it, the expected line of a
 * suppressed target, a debt sum over fewer than 5 cases) are suppressed with it.
 */
import type { AdminLevel } from '../adminCodes';
import type { LevelProgress } from './compute';
import { RECORD_DIMENSIONS, RECORD_DIMENSION_COUNT, RECORD_STAGES } from './records';

export const SMALL_COUNT_LIMIT = 5;
export const SUPPRESSED = '< 5';

export type Cell = number | string | null;

export interface ProgressRow {
  code: string;
  name: string | null;
  target_group: Cell;
  reached: Cell;
  helped: Cell;
  resolved: Cell;
  in_progress: Cell;
  resolution_rate: Cell;
  debt_resolved_baht: Cell;
  found_outside_target: Cell;
  expected_by_now: Cell;
  behind: boolean;
  by_dimension: Record<string, { target: Cell; recorded: Cell; resolved: Cell }>;
  by_stage: Record<string, Cell>;
}

const isSmall = (x: number) => x > 0 && x < SMALL_COUNT_LIMIT;

/** Rows of one level; `indices` restricts and orders them (default: all areas by code). */
export function progressRows(l: LevelProgress, name: (code: string, level: AdminLevel) => string | null, options: { suppressSmall?: boolean; indices?: Iterable<number> } = {}): ProgressRow[] {
  const sup = options.suppressSmall === true;
  const count = (x: number): Cell => (!Number.isFinite(x) ? null : sup && isSmall(x) ? SUPPRESSED : x);
  const rows: ProgressRow[] = [];
  for (const i of options.indices ?? l.codes.keys()) {
    const target = l.targetGroup[i];
    const resolved = l.resolved[i];
    const hidden = (...xs: number[]) => sup && xs.some(isSmall);
    const by_dimension: ProgressRow['by_dimension'] = {};
    RECORD_DIMENSIONS.forEach((d, j) => {
      const k = i * RECORD_DIMENSION_COUNT + j;
      by_dimension[d] = { target: count(l.targetByDimension[k]), recorded: count(l.recordedByDimension[k]), resolved: count(l.resolvedByDimension[k]) };
    });
    const by_stage: ProgressRow['by_stage'] = {};
    RECORD_STAGES.forEach((s, j) => (by_stage[s] = count(l.byStage[i * RECORD_STAGES.length + j])));
    rows.push({
      code: l.codes[i],
      name: name(l.codes[i], l.level),
      target_group: count(target),
      reached: count(l.reached[i]),
      helped: count(l.helped[i]),
      resolved: count(resolved),
      in_progress: count(l.inProgress[i]),
      resolution_rate: !Number.isFinite(l.resolutionRate[i]) ? null : hidden(target, resolved) ? SUPPRESSED : l.resolutionRate[i],
      debt_resolved_baht: hidden(l.debtCases[i]) ? SUPPRESSED : l.debtResolvedBaht[i],
      found_outside_target: count(l.foundOutsideTarget[i]),
      expected_by_now: !Number.isFinite(l.expectedByNow[i]) ? null : hidden(target) ? SUPPRESSED : l.expectedByNow[i],
      behind: l.behind[i] === 1,
      by_dimension,
      by_stage,
    });
  }
  return rows;
}

/** A row with its objects flattened to `by_dimension.health.resolved` … columns (CSV). */
export function flattenProgressRow(r: ProgressRow): Record<string, unknown> {
  const { by_dimension, by_stage, ...rest } = r;
  const out: Record<string, unknown> = { ...rest };
  for (const [d, v] of Object.entries(by_dimension)) for (const [k, x] of Object.entries(v)) out[`by_dimension.${d}.${k}`] = x;
  for (const [s, x] of Object.entries(by_stage)) out[`by_stage.${s}`] = x;
  return out;
}

/** One CSV cell: text that a spreadsheet would read as a formula (= + - @) neutralised, quoted when needed (OWASP CSV injection). */
function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Flattened rows as CSV: UTF-8 with BOM (Excel opens Thai correctly), header from the first row's
 * keys — byte for byte what `cli progress --format csv` writes (src/cli/io.ts toCsv), so the app's
 * export and the CLI's agree.
 */
export function progressCsv(rows: Record<string, unknown>[]): string {
  const cols = rows.length ? Object.keys(rows[0]) : [];
  return '\uFEFF' + [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c])).join(','))].join('\n') + '\n';
}
