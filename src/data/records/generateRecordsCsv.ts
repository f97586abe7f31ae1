/**
 * Seeded synthetic assistance records as CSV text (bench and tests; labelled synthetic wherever
 * used). Each case gets 1–5 records moving forward in status and date between `startDay` and
 * `endDay`; some cases are reopened, some found outside the target list; dates are written in the
 * import's formats (BE and CE, Thai month names) so the bench pays for real parsing.
 */
import { isoOfDay, ymdOfDay } from '../../domain/progress/days';
import { mulberry32 } from '../../domain/random';
import { RECORD_DIMENSIONS, RECORD_STAGES, RECORD_STATUSES } from '../../domain/progress/records';
import { RECORD_COLUMNS } from './recordColumns';

const THAI_ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];

function dateText(day: number, style: number): string {
  const { yearCe, month, day: d } = ymdOfDay(day);
  const p = (x: number) => String(x).padStart(2, '0');
  switch (style) {
    case 0: return `${p(d)}/${p(month)}/${yearCe + 543}`;
    case 1: return `${yearCe + 543}-${p(month)}-${p(d)}`;
    case 2: return `${d} ${THAI_ABBR[month - 1]} ${yearCe + 543}`;
    default: return isoOfDay(day);
  }
}

/** CSV chunks (header first) of about `rows` records over `villageCodes`, ~10,000 rows per chunk. */
export function* recordsCsvChunks(villageCodes: ArrayLike<number>, rows: number, seed: number, startDay: number, endDay: number): Generator<string> {
  const rnd = mulberry32(seed);
  yield RECORD_COLUMNS.join(',') + '\n';
  let written = 0;
  let caseNo = 0;
  let buf: string[] = [];
  const span = endDay - startDay;
  while (written < rows) {
    const id = `C${(++caseNo).toString(36).padStart(6, '0')}`;
    const village = villageCodes[Math.floor(rnd() * villageCodes.length)];
    const members = 1 + Math.floor(rnd() * 6);
    const n = Math.min(rows - written, 1 + Math.floor(rnd() * 5));
    const dims = RECORD_DIMENSIONS.filter(() => rnd() < 0.3).join(';');
    const outside = rnd() < 0.03 ? '1' : '0';
    let day = startDay + Math.floor(rnd() * span * 0.5);
    let status = 0;
    for (let k = 0; k < n; k++) {
      status = Math.min(RECORD_STATUSES.length - 1, status + 1 + Math.floor(rnd() * 2));
      if (k === n - 1 && rnd() < 0.05) status = 3; // reopened: back to in progress
      const stage = status >= 4 ? RECORD_STAGES[Math.floor(rnd() * 3)] : '';
      const debtBefore = dims.includes('debt') ? Math.floor(rnd() * 200_000) : '';
      const debtAfter = debtBefore !== '' && status >= 4 ? Math.floor((debtBefore as number) * rnd()) : debtBefore;
      buf.push(`${id},${village},${members},${dateText(day, Math.floor(rnd() * 4))},${dims},${RECORD_STATUSES[status]},${stage},agency${Math.floor(rnd() * 40)},${debtBefore},${debtAfter},${k === 0 ? outside : ''}`);
      day = Math.min(endDay, day + Math.floor(rnd() * span * 0.2));
      written++;
    }
    if (buf.length >= 10_000) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n') + '\n';
}
