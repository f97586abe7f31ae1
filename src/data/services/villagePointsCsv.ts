/**
 * Village points for access measures from a CSV (`code,lon,lat,people`, the CLI's --villages):
 * code and people optional, coordinates required. Strict: the first bad row throws an Error
 * naming the file and line, because a silently dropped village would vanish from every answer.
 */
import { citizenIdColumns, COLUMN_CANDIDATES, detectColumns, normaliseHeader } from './columns';
import { classifyPoint, parseCoordinate, projectedMessage } from './coordinates';
import { readCsvTable } from './rawTable';

export interface VillagePointsTable {
  count: number;
  /** Code as written in the file, or `line-<n>` when the file has no code column. */
  code: string[];
  lon: Float64Array;
  lat: Float64Array;
  /** People per village; null when the file has no people column. */
  people: Float64Array | null;
  /** Points outside Thailand's box (kept: the measures work anywhere; the caller may warn). */
  outsideThailand: number;
  notes: string[];
}

const CODE_NAMES = ['code', 'villagecode', 'villageid', 'vid', 'id', 'รหัสหมู่บ้าน', 'รหัส'];
const PEOPLE_NAMES = ['people', 'population', 'persons', 'pop', 'ประชากร', 'จำนวนประชากร', 'จำนวนคน'];

export function readVillagePointsCsv(text: string, source: string): VillagePointsTable {
  const table = readCsvTable(text, source);
  const citizen = citizenIdColumns(table.columns, table.rows);
  const columns = table.columns.filter((c) => !citizen.includes(c));
  const cols = detectColumns(columns, {}, source);
  const find = (names: string[]) => columns.find((c) => names.includes(normaliseHeader(c))) ?? null;
  const codeCol = find(CODE_NAMES);
  const peopleCol = find(PEOPLE_NAMES);
  if (!cols.lon || !cols.lat) {
    throw new Error(`${source}: no ${!cols.lon ? 'longitude' : 'latitude'} column (columns: ${columns.join(', ')}); expected one of ${(!cols.lon ? COLUMN_CANDIDATES.lon : COLUMN_CANDIDATES.lat).slice(0, 6).join(', ')} …`);
  }
  const notes = citizen.map((c) => `column "${c}" holds 13-digit citizen ids: dropped`);
  if (!codeCol) notes.push('no code column: villages are named line-<n>');
  if (!peopleCol) notes.push('no people column: 2SFCA scores are not computed');
  const n = table.rows.length;
  const code: string[] = [];
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const people = peopleCol ? new Float64Array(n) : null;
  let outsideThailand = 0;
  table.rows.forEach((r, i) => {
    const at = `${source}: line ${r.row}`;
    const xs = r.values[cols.lon!];
    const ys = r.values[cols.lat!];
    const x = parseCoordinate(xs);
    const y = parseCoordinate(ys);
    if (Number.isNaN(x)) throw new Error(`${at}: longitude "${xs}" is not a number`);
    if (Number.isNaN(y)) throw new Error(`${at}: latitude "${ys}" is not a number`);
    const v = classifyPoint(x, y);
    if (v === 'projected') throw new Error(projectedMessage(source, `line ${r.row}`, x, y));
    if (v === 'swapped') throw new Error(`${at}: longitude ${x} and latitude ${y} look swapped (the point is in Thailand the other way round)`);
    if (Math.abs(x) > 180 || Math.abs(y) > 90) throw new Error(`${at}: (${x}, ${y}) is not a longitude/latitude pair`);
    if (v === 'outside') outsideThailand++;
    lon[i] = x;
    lat[i] = y;
    const c = codeCol ? r.values[codeCol] : '';
    if (codeCol && c === '') throw new Error(`${at}: empty village code`);
    code.push(codeCol ? c : `line-${r.row}`);
    if (people) {
      const ps = (r.values[peopleCol!] ?? '').replace(/[,\s]/g, '');
      const p = ps === '' ? NaN : Number(ps);
      if (!Number.isFinite(p) || p < 0) throw new Error(`${at}: people "${r.values[peopleCol!]}" is not a number ≥ 0`);
      people[i] = p;
    }
  });
  return { count: n, code, lon, lat, people, outsideThailand, notes };
}
