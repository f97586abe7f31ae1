/**
 * Which column of an assistance-records file is which field, from its header: the canonical
 *   case_id,village_code,members,date,dimensions,status,stage,agency,debt_before,debt_after,outside_target
 * or Thai and other spellings (compared as services/columns.ts compares them: lower case, without
 * spaces, dots, underscores, hyphens, slashes or a parenthesised suffix). A header that announces
 * citizen ids (privacy.ts) is never mapped to any field, not even case_id.
 */
import { CITIZEN_ID_HEADER } from '../privacy';
import { normaliseHeader } from '../services/columns';

export const RECORD_COLUMNS = ['case_id', 'village_code', 'members', 'date', 'dimensions', 'status', 'stage', 'agency', 'debt_before', 'debt_after', 'outside_target'] as const;
export type RecordField = (typeof RECORD_COLUMNS)[number];
export const REQUIRED_RECORD_COLUMNS: readonly RecordField[] = ['case_id', 'village_code', 'members', 'date', 'status'];

/** Recognised spellings per field, tried in order; the first present wins. */
export const RECORD_COLUMN_CANDIDATES: Readonly<Record<RecordField, readonly string[]>> = {
  case_id: ['case_id', 'caseid', 'case', 'case_no', 'case_number', 'household_id', 'hh_id', 'hhid', 'logbook_id', 'id', 'รหัสกรณี', 'เลขที่กรณี', 'รหัสเคส', 'รหัสครัวเรือน', 'เลขที่ครัวเรือน', 'รหัสบันทึก'],
  village_code: ['village_code', 'village_id', 'villagecode', 'vill_code', 'vil_code', 'moo_code', 'รหัสหมู่บ้าน', 'รหัสหมู่'],
  members: ['members', 'member', 'household_members', 'hh_members', 'persons', 'people', 'household_size', 'จำนวนสมาชิก', 'จำนวนสมาชิกในครัวเรือน', 'สมาชิก', 'จำนวนคน'],
  date: ['date', 'record_date', 'visit_date', 'update_date', 'วันที่', 'วันที่บันทึก', 'วันที่เยี่ยม', 'วันที่ดำเนินการ', 'วันที่ช่วยเหลือ'],
  dimensions: ['dimensions', 'dimension', 'problem_dimensions', 'problems', 'problem', 'มิติปัญหา', 'มิติ', 'ปัญหา', 'ด้านปัญหา', 'มิติที่มีปัญหา'],
  status: ['status', 'case_status', 'สถานะ', 'สถานะการช่วยเหลือ', 'สถานะการดำเนินงาน', 'ผลการดำเนินงาน'],
  stage: ['stage', 'development_stage', 'development_level', 'ระดับการพัฒนา', 'ระดับ', 'ขั้นการพัฒนา'],
  agency: ['agency', 'organisation', 'organization', 'unit', 'office', 'หน่วยงาน', 'หน่วยงานที่ช่วยเหลือ', 'หน่วยงานรับผิดชอบ'],
  debt_before: ['debt_before', 'debt_before_baht', 'debtbefore', 'หนี้ก่อน', 'หนี้สินก่อน', 'หนี้ก่อนช่วยเหลือ', 'หนี้สินก่อนช่วยเหลือ'],
  debt_after: ['debt_after', 'debt_after_baht', 'debtafter', 'หนี้หลัง', 'หนี้สินหลัง', 'หนี้หลังช่วยเหลือ', 'หนี้สินหลังช่วยเหลือ'],
  outside_target: ['outside_target', 'outside_target_list', 'not_in_target', 'found_outside_target', 'exclusion_error', 'นอกเป้าหมาย', 'นอกกลุ่มเป้าหมาย', 'ไม่อยู่ในเป้าหมาย', 'ไม่อยู่ในกลุ่มเป้าหมาย'],
};

const NORMALISED = Object.fromEntries(
  Object.entries(RECORD_COLUMN_CANDIDATES).map(([f, names]) => [f, names.map(normaliseHeader)]),
) as Record<RecordField, string[]>;

export interface RecordHeader {
  /** Column position per field (-1 = absent). */
  index: Record<RecordField, number>;
  /** Columns not read, with why (PDPA for citizen ids). */
  dropped: { column: string; position: number; reason: string }[];
}

export const DROPPED_EXTRA = 'not an assistance-records column: dropped / ไม่ใช่คอลัมน์ของไฟล์บันทึกการช่วยเหลือ: ไม่นำเข้า';
export const DROPPED_CITIZEN_ID = 'looks like a citizen-id column: dropped, values not kept (PDPA) / คอลัมน์เลขประจำตัวประชาชน: ไม่นำเข้า';

/** Map the header; throws an Error naming the file when a required column is missing. */
export function parseRecordHeader(fields: readonly string[], file: string): RecordHeader {
  const cells = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
  const norm = cells.map(normaliseHeader);
  const citizen = cells.map((c, i) => CITIZEN_ID_HEADER.test(c) || CITIZEN_ID_HEADER.test(norm[i]));
  const index = {} as Record<RecordField, number>;
  const used = new Set<number>();
  for (const f of RECORD_COLUMNS) {
    index[f] = -1;
    for (const cand of NORMALISED[f]) {
      const at = norm.findIndex((n, i) => n === cand && !citizen[i] && !used.has(i));
      if (at >= 0) {
        index[f] = at;
        used.add(at);
        break;
      }
    }
  }
  const missing = REQUIRED_RECORD_COLUMNS.filter((f) => index[f] < 0);
  if (missing.length) {
    const pdpa = missing.includes('case_id') && citizen.some(Boolean) ? ' (a citizen-id column is never used as the case id (PDPA): add an opaque case number / ใช้เลขประจำตัวประชาชนเป็นรหัสกรณีไม่ได้)' : '';
    throw new Error(`${file}: line 1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${pdpa} (expected header ${RECORD_COLUMNS.join(',')}; Thai headers such as รหัสหมู่บ้าน, จำนวนสมาชิก, วันที่, สถานะ are recognised) / ไม่พบคอลัมน์ที่จำเป็น`);
  }
  const dropped = cells
    .map((c, position) => ({ column: c || `(unnamed column ${position + 1})`, position }))
    .filter((c) => !used.has(c.position) && cells[c.position] !== '')
    .map((c) => ({ ...c, reason: citizen[c.position] ? DROPPED_CITIZEN_ID : DROPPED_EXTRA }));
  return { index, dropped };
}
