/**
 * Assistance records (issue 11): one row per visit or update of a household case, as ศจพ. teams
 * record them in TPMAP Logbook. Held columnar (one typed array per field, row i = file row i) so a
 * national file of ~1,000,000 rows costs tens of MB and a progress pass is a loop over arrays.
 * The file format that stores these columns is src/data/records/recordsFile.ts.
 */

/** Status codes in the order a case normally moves (the stored u8 is the index). */
export const RECORD_STATUSES = ['targeted', 'visited', 'helped', 'in_progress', 'resolved', 'self_resolved'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** Development stages judged by the programme; the stored u8 is index + 1 (0 = not judged). */
export const RECORD_STAGES = ['survival', 'sufficiency', 'sustainable'] as const;
export type RecordStage = (typeof RECORD_STAGES)[number];

/**
 * Problem dimensions of a case: TPMAP's five plus household debt (the resolution's focus).
 * Bit j of a record's dimension mask = RECORD_DIMENSIONS[j].
 */
export const RECORD_DIMENSIONS = ['health', 'living', 'education', 'income', 'access', 'debt'] as const;
export type RecordDimension = (typeof RECORD_DIMENSIONS)[number];
export const RECORD_DIMENSION_COUNT = RECORD_DIMENSIONS.length; // 6

export const STATUS_LABELS: Readonly<Record<RecordStatus, { th: string; en: string }>> = {
  targeted: { th: 'ชี้เป้า', en: 'targeted' },
  visited: { th: 'เยี่ยมบ้าน', en: 'visited' },
  helped: { th: 'ให้ความช่วยเหลือ', en: 'helped' },
  in_progress: { th: 'อยู่ระหว่างดำเนินการ', en: 'in progress' },
  resolved: { th: 'แก้ไขได้', en: 'resolved' },
  self_resolved: { th: 'แก้ได้ด้วยตนเอง', en: 'self-resolved' },
};
export const STAGE_LABELS: Readonly<Record<RecordStage, { th: string; en: string }>> = {
  survival: { th: 'อยู่รอด', en: 'survival' },
  sufficiency: { th: 'พอเพียง', en: 'sufficiency' },
  sustainable: { th: 'ยั่งยืน', en: 'sustainable' },
};
export const DIMENSION_LABELS: Readonly<Record<RecordDimension, { th: string; en: string }>> = {
  health: { th: 'สุขภาพ', en: 'health' },
  living: { th: 'ความเป็นอยู่', en: 'living' },
  education: { th: 'การศึกษา', en: 'education' },
  income: { th: 'รายได้', en: 'income' },
  access: { th: 'การเข้าถึงบริการรัฐ', en: 'access to public services' },
  debt: { th: 'หนี้สิน', en: 'debt' },
};

// Status groups as bit sets over the status code, so a pass tests `(1 << status) & GROUP`.
const bit = (...s: RecordStatus[]) => s.reduce((m, x) => m | (1 << RECORD_STATUSES.indexOf(x)), 0);
/** reached = visited, helped, in progress, resolved or self-resolved (anything past targeted). */
export const REACHED_STATUSES = bit('visited', 'helped', 'in_progress', 'resolved', 'self_resolved');
/** helped = helped, in progress or resolved (self-resolved households were not helped). */
export const HELPED_STATUSES = bit('helped', 'in_progress', 'resolved');
/** resolved = resolved or self-resolved. */
export const RESOLVED_STATUSES = bit('resolved', 'self_resolved');
export const IN_PROGRESS_STATUSES = bit('in_progress');

/** The columns of an assistance-records table; every per-row array has `count` entries. */
export interface AssistanceRecords {
  count: number;
  /** Dense case index 0 … caseCount-1, in order of the case's first row in the file. */
  caseIndex: Uint32Array;
  caseCount: number;
  /** 8-digit DOPA village code as a number. */
  villageCode: Uint32Array;
  /** Household members (people) at the time of the record. */
  members: Uint16Array;
  /** Date of the record as a day number (days since 1970-01-01 CE, see days.ts). */
  day: Int32Array;
  /** Bit j = RECORD_DIMENSIONS[j] recorded as a problem. */
  dimensionMask: Uint8Array;
  /** Index into RECORD_STATUSES. */
  status: Uint8Array;
  /** 0 = not judged, else 1 + index into RECORD_STAGES. */
  stage: Uint8Array;
  /** Index into `agencies` (0 = none recorded). */
  agency: Uint16Array;
  /** agencies[0] = '' (none); other entries as written in the file. */
  agencies: string[];
  /** Household debt before and after help, baht; NaN = not recorded. */
  debtBeforeBaht: Float64Array;
  debtAfterBaht: Float64Array;
  /** 1 = household found in the field but missing from the target list (an exclusion error). */
  outsideTarget: Uint8Array;
}
