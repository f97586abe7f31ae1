/**
 * The catalogue of potential inputs (DESIGN.md §2.4, issue 9 item 1): what the potential index can
 * be built from, each with a stable id, its pillar, its direction (+1 = more is more potential,
 * −1 = more is less potential, e.g. distance), its default transform, bilingual labels and unit.
 *
 * Step 1–2 of the OECD/JRC Handbook on Constructing Composite Indicators (2008, §1.1 "theoretical
 * framework", §1.2 "selecting variables"): every indicator is named, grouped into sub-pillars and
 * given a polarity before anything is normalised; COINr (Becker et al., JRC) keeps the same facts
 * in its `iMeta` table (iCode, Parent, Direction, Unit).
 *
 * Ids:
 *   lights_per_capita   sum of nighttime lights in the area (polygon) or village buffer ÷ people
 *   lit_share           share of valid pixels above the lit threshold (0–1)
 *   lights_per_km2      sum of lights ÷ km² (polygon area; a village's buffer area)
 *   <type>_km           great-circle km to the nearest service of the class (area: people-weighted
 *                       mean over its villages)
 *   <type>_2sfca        2SFCA accessibility per 1,000 people (area: people-weighted mean)
 *   road, electricity, water, irrigation, market, internet
 *                       village basic data: share of people (or of villages) that have it (0–1)
 */

export type Pillar = 'economy' | 'services' | 'infrastructure';
export const PILLARS: readonly Pillar[] = ['economy', 'services', 'infrastructure'];

export const PILLAR_LABELS: Readonly<Record<Pillar, { th: string; en: string }>> = {
  economy: { th: 'เศรษฐกิจ (แสงไฟยามค่ำคืน)', en: 'Economy (nighttime lights)' },
  services: { th: 'การเข้าถึงบริการ', en: 'Access to services' },
  infrastructure: { th: 'โครงสร้างพื้นฐาน', en: 'Infrastructure' },
};

/** Transform applied to the raw value before normalising (Handbook §1.5: skewed data). */
export type Transform = 'none' | 'log1p';

export interface InputDefinition {
  id: string;
  pillar: Pillar;
  /** +1: more means more potential; −1: more means less (distance). */
  direction: 1 | -1;
  defaultTransform: Transform;
  unit: string;
  th: string;
  en: string;
}

/** Service classes with known labels (the dataset format's ServiceType; others get generic labels). */
export const SERVICE_CLASS_LABELS: Readonly<Record<string, { th: string; en: string }>> = {
  hospital: { th: 'โรงพยาบาล', en: 'hospital' },
  health_promoting_hospital: { th: 'โรงพยาบาลส่งเสริมสุขภาพตำบล (รพ.สต.)', en: 'health-promoting hospital' },
  school: { th: 'โรงเรียน', en: 'school' },
};
export const DEFAULT_SERVICE_CLASSES = ['hospital', 'health_promoting_hospital', 'school'] as const;

/**
 * Village basic data fields behind each share input (the dataset's VILLAGE_BASIC_FIELDS
 * spelling on the right; the domain does not import src/data).
 */
export const BASIC_INPUT_FIELDS = {
  road: 'all_season_road',
  electricity: 'electricity',
  water: 'piped_water',
  irrigation: 'irrigation',
  market: 'market',
  internet: 'internet',
} as const;
export type BasicInputId = keyof typeof BASIC_INPUT_FIELDS;
export const BASIC_INPUT_IDS = Object.keys(BASIC_INPUT_FIELDS) as BasicInputId[];

const BASIC_LABELS: Record<BasicInputId, { th: string; en: string }> = {
  road: { th: 'ถนนใช้ได้ตลอดปี', en: 'all-season road' },
  electricity: { th: 'ไฟฟ้า', en: 'electricity' },
  water: { th: 'ประปา', en: 'piped water' },
  irrigation: { th: 'ชลประทาน', en: 'irrigation' },
  market: { th: 'ตลาด', en: 'market' },
  internet: { th: 'อินเทอร์เน็ต', en: 'internet' },
};

export const LIGHT_INPUTS: readonly InputDefinition[] = [
  // Radiance sums are heavily skewed (Bangkok would flatten everyone else): log(1 + x) (DESIGN.md §2.4).
  { id: 'lights_per_capita', pillar: 'economy', direction: 1, defaultTransform: 'log1p', unit: 'nW/cm²/sr·px per person', th: 'แสงไฟยามค่ำคืนต่อคน', en: 'Nighttime lights per person' },
  { id: 'lit_share', pillar: 'economy', direction: 1, defaultTransform: 'none', unit: 'share of pixels', th: 'สัดส่วนพื้นที่มีแสงไฟ', en: 'Lit share of area' },
  { id: 'lights_per_km2', pillar: 'economy', direction: 1, defaultTransform: 'log1p', unit: 'nW/cm²/sr·px per km²', th: 'แสงไฟยามค่ำคืนต่อ ตร.กม.', en: 'Nighttime lights per km²' },
];

/** `<type>_km` and `<type>_2sfca` for one service class. */
export function serviceInputs(type: string): InputDefinition[] {
  const l = SERVICE_CLASS_LABELS[type] ?? { th: type, en: type.replace(/_/g, ' ') };
  return [
    { id: `${type}_km`, pillar: 'services', direction: -1, defaultTransform: 'none', unit: 'km', th: `ระยะทางถึง${l.th}ที่ใกล้ที่สุด`, en: `Distance to nearest ${l.en}` },
    { id: `${type}_2sfca`, pillar: 'services', direction: 1, defaultTransform: 'none', unit: 'capacity per 1,000 people', th: `การเข้าถึง${l.th} (2SFCA)`, en: `Access to ${l.en} (2SFCA)` },
  ];
}

export function basicInputs(): InputDefinition[] {
  return BASIC_INPUT_IDS.map((id) => ({ id, pillar: 'infrastructure' as const, direction: 1 as const, defaultTransform: 'none' as const, unit: 'share', th: `สัดส่วนที่มี${BASIC_LABELS[id].th}`, en: `Share with ${BASIC_LABELS[id].en}` }));
}

/** The full default catalogue, in display order (pillar, then input). */
export function inputCatalogue(serviceClasses: readonly string[] = DEFAULT_SERVICE_CLASSES): InputDefinition[] {
  return [...LIGHT_INPUTS, ...serviceClasses.flatMap(serviceInputs), ...basicInputs()];
}

/** The definition of an input id, including `<type>_km` / `<type>_2sfca` of any service class. */
export function inputDefinition(id: string): InputDefinition {
  const fixed = LIGHT_INPUTS.find((d) => d.id === id) ?? basicInputs().find((d) => d.id === id);
  if (fixed) return fixed;
  const m = /^(.+)_(km|2sfca)$/.exec(id);
  if (m) return serviceInputs(m[1])[m[2] === 'km' ? 0 : 1];
  throw new Error(`unknown potential input "${id}" (known: ${inputCatalogue().map((d) => d.id).join(', ')}, or <service class>_km / _2sfca)`);
}

export function isInputId(id: string): boolean {
  try {
    inputDefinition(id);
    return true;
  } catch {
    return false;
  }
}
