/**
 * The type-mapping step of a service import: from a user's own class codes to the app's
 * ServiceType ('hospital' | 'health_promoting_hospital' | 'school') or 'ignore'.
 *
 * A mapper sees the value of the chosen type column and the whole row (GISTDA's landmark code
 * 04105 covers hospitals, health stations and health offices alike; only the name tells them
 * apart). It returns a class, 'ignore' (not a service of interest: counted, not an error), or
 * undefined (unknown: reported, so the UI can ask the user).
 */
import type { ServiceType } from '../datasetFormat';

export type TypeTarget = ServiceType | 'ignore';
export type TypeMapper = (value: string, row: Readonly<Record<string, string>>) => string | undefined;

function key(v: string): string {
  return v.toLowerCase().replace(/[\s._\-]+/g, '');
}

/** Spellings of the three classes seen in Thai and English lists (compared without case, spaces, dots, dashes, underscores). */
const ALIASES: Record<string, ServiceType> = {};
for (const [type, names] of Object.entries({
  hospital: ['hospital', 'โรงพยาบาล', 'รพ', 'generalhospital', 'communityhospital', 'regionalhospital', 'โรงพยาบาลชุมชน', 'โรงพยาบาลทั่วไป', 'โรงพยาบาลศูนย์'],
  health_promoting_hospital: [
    'health_promoting_hospital',
    'healthpromotinghospital',
    'subdistricthealthpromotinghospital',
    'tambonhealthpromotinghospital',
    'รพสต',
    'โรงพยาบาลส่งเสริมสุขภาพตำบล',
    'สถานีอนามัย',
    'healthstation',
    'healthcenter',
    'healthcentre',
  ],
  school: ['school', 'โรงเรียน', 'รร'],
}) as [ServiceType, string[]][]) {
  for (const n of names) ALIASES[key(n)] = type;
}

/** The three class names and their common Thai/English spellings; anything else is unknown. */
export const canonicalTypeMapper: TypeMapper = (value) => ALIASES[key(value)];

/** Known spellings → the class; any other non-empty value is kept as its own class (the CLI: "the types found in the file"). */
export const keepAnyTypeMapper: TypeMapper = (value) => ALIASES[key(value)] ?? (value === '' ? undefined : value);

/**
 * A mapping the user chose in the type-mapping step: value → class or 'ignore'. Values not in
 * the table fall back to `fallback` (the canonical spellings by default).
 */
export function tableTypeMapper(table: Readonly<Record<string, TypeTarget>>, fallback: TypeMapper = canonicalTypeMapper): TypeMapper {
  return (value, row) => (Object.prototype.hasOwnProperty.call(table, value) ? table[value] : fallback(value, row));
}

function nameOf(row: Readonly<Record<string, string>>): { th: string; en: string } {
  // ชื่อ: the Thai name column of landmark lists kept in Excel (the GISTDA layer's lm_name_t renamed).
  return { th: row.lm_name_t ?? row.name_th ?? row['ชื่อ'] ?? row['ชื่อสถานที่'] ?? row.name ?? '', en: (row.lm_name_e ?? row.name_en ?? '').toUpperCase() };
}

/**
 * GISTDA / RTSD landmark layer (`lm_type`, as in ../shared/realdata/services/):
 *  - 04104 education → 'school' when the name says a school (โรงเรียน / SCHOOL); universities,
 *    faculties, colleges and institutes in the same code are 'ignore' (not schools for children).
 *  - 04105 hospital / health station → 'health_promoting_hospital' for สถานีอนามัย / รพ.สต. /
 *    โรงพยาบาลส่งเสริมสุขภาพตำบล / HEALTH CENTER (health stations were renamed รพ.สต. in 2009);
 *    'hospital' for โรงพยาบาล / HOSPITAL / ศูนย์การแพทย์ / MEDICAL CENTER; anything else
 *    (public-health offices, Red Cross chapters) 'ignore'.
 *  - every other code (temples 04102, offices 04103, fuel 04110 …) 'ignore'.
 */
export const gistdaLandmarkTypeMapper: TypeMapper = (value, row) => {
  const code = value.trim().padStart(5, '0');
  const { th, en } = nameOf(row);
  if (code === '04104') return th.includes('โรงเรียน') || /\bSCHOOL\b/.test(en) ? 'school' : 'ignore';
  if (code === '04105') {
    if (/สถานีอนามัย|รพ\.?\s?สต|ส่งเสริมสุขภาพตำบล/.test(th) || /HEALTH (CENTER|CENTRE|STATION)|HEALTH PROMOTING/.test(en)) return 'health_promoting_hospital';
    if (/^โรงพยาบาล|ศูนย์การแพทย์/.test(th) || /HOSPITAL|MEDICAL CENTER/.test(en)) return 'hospital';
    return 'ignore';
  }
  return value === '' ? undefined : 'ignore';
};

/** The GISTDA mapping with the column it reads. */
export const GISTDA_LANDMARK_MAPPING = { typeColumn: 'lm_type', mapper: gistdaLandmarkTypeMapper } as const;

/**
 * A type mapping written as text (the CLI's --type-map, the app's preset choice): `gistda` (the
 * GISTDA landmark preset on lm_type) or `CODE=CLASS,…` (CLASS may be `ignore`); undefined keeps
 * the file's own class names (canonical spellings normalised).
 */
export function parseTypeMapSpec(spec: string | undefined): { mapper: TypeMapper; column?: string } {
  if (spec === undefined) return { mapper: keepAnyTypeMapper };
  if (spec.toLowerCase() === 'gistda') return { mapper: gistdaLandmarkTypeMapper, column: GISTDA_LANDMARK_MAPPING.typeColumn };
  const table: Record<string, TypeTarget> = {};
  for (const part of spec.split(',')) {
    const m = /^\s*([^=]+?)\s*=\s*([^=]+?)\s*$/.exec(part);
    if (!m) throw new Error(`type-map: "${part}" is not CODE=CLASS (e.g. 04104=school,04105=hospital,04102=ignore)`);
    table[m[1]] = m[2] as TypeTarget;
  }
  return { mapper: tableTypeMapper(table, keepAnyTypeMapper) };
}
