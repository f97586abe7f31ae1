/**
 * TPMAP's 5 dimensions and 17 indicators (BMN / จปฐ. 2560–2564 numbering), as data.
 *
 * BMN indicators are revised every five years and TPMAP years differ, so the catalogue is one
 * typed table that everything else reads (DESIGN.md §2.1), never scattered constants.
 * Bit i of a household profile mask is indicator INDICATORS[i]; bit WELFARE_CARD_BIT is the
 * State Welfare Card registration of the household (DESIGN.md §2.3).
 */

export type DimensionId = 'health' | 'living' | 'education' | 'income' | 'access';

export interface Dimension {
  id: DimensionId;
  th: string;
  en: string;
  /** Short labels for charts and toggles. */
  shortTh: string;
  shortEn: string;
}

export interface Indicator {
  id: string;
  /** BMN (จปฐ.) indicator number, as used in TPMAP's `ind{n}` columns. */
  bmn: number;
  dimension: DimensionId;
  th: string;
  en: string;
  /** When a household/person counts as deprived. */
  deprivedWhen: string;
}

export const DIMENSIONS: readonly Dimension[] = [
  { id: 'health', th: 'ด้านสุขภาพ', en: 'Health', shortTh: 'สุขภาพ', shortEn: 'Health' },
  { id: 'living', th: 'ด้านความเป็นอยู่', en: 'Living conditions', shortTh: 'ความเป็นอยู่', shortEn: 'Living' },
  { id: 'education', th: 'ด้านการศึกษา', en: 'Education', shortTh: 'การศึกษา', shortEn: 'Education' },
  { id: 'income', th: 'ด้านรายได้', en: 'Income', shortTh: 'รายได้', shortEn: 'Income' },
  { id: 'access', th: 'ด้านการเข้าถึงบริการรัฐ', en: 'Access to public services', shortTh: 'บริการรัฐ', shortEn: 'Access' },
];

export const INDICATORS: readonly Indicator[] = [
  { id: 'h1', bmn: 1, dimension: 'health', th: 'เด็กแรกเกิดมีน้ำหนัก 2,500 กรัมขึ้นไป', en: 'Newborns weigh at least 2,500 g', deprivedWhen: 'newborn < 2,500 g' },
  { id: 'h2', bmn: 4, dimension: 'health', th: 'ครัวเรือนกินอาหารถูกสุขลักษณะ ปลอดภัย และได้มาตรฐาน', en: 'Household eats hygienic, safe, standard food', deprivedWhen: 'not met' },
  { id: 'h3', bmn: 5, dimension: 'health', th: 'ครัวเรือนมีการใช้ยาเพื่อบำบัด บรรเทาอาการเจ็บป่วยเบื้องต้นอย่างเหมาะสม', en: 'Household uses medicines appropriately', deprivedWhen: 'not met' },
  { id: 'h4', bmn: 7, dimension: 'health', th: 'คนอายุ 6 ปีขึ้นไป ออกกำลังกายอย่างน้อยสัปดาห์ละ 3 วัน วันละ 30 นาที', en: 'People aged 6+ exercise 3 days a week, 30 minutes a day', deprivedWhen: 'not met' },
  { id: 'l1', bmn: 8, dimension: 'living', th: 'ครัวเรือนมีความมั่นคงในที่อยู่อาศัย และบ้านมีสภาพคงทนถาวร', en: 'Secure tenure and a durable house', deprivedWhen: 'not met' },
  { id: 'l2', bmn: 9, dimension: 'living', th: 'น้ำสะอาดสำหรับดื่มและบริโภคเพียงพอตลอดปี อย่างน้อยคนละ 5 ลิตรต่อวัน', en: 'Clean drinking water, at least 5 L per person per day all year', deprivedWhen: '< 5 L/person/day' },
  { id: 'l3', bmn: 10, dimension: 'living', th: 'น้ำใช้เพียงพอตลอดปี อย่างน้อยคนละ 45 ลิตรต่อวัน', en: 'Water for use, at least 45 L per person per day all year', deprivedWhen: '< 45 L/person/day' },
  { id: 'l4', bmn: 11, dimension: 'living', th: 'บ้านเรือนเป็นระเบียบเรียบร้อย สะอาด และถูกสุขลักษณะ', en: 'Tidy, clean and hygienic home', deprivedWhen: 'not met' },
  { id: 'e1', bmn: 15, dimension: 'education', th: 'เด็กอายุ 3–5 ปี ได้รับบริการเลี้ยงดูเตรียมความพร้อมก่อนวัยเรียน', en: 'Children 3–5 receive pre-school care', deprivedWhen: 'not met' },
  { id: 'e2', bmn: 16, dimension: 'education', th: 'เด็กอายุ 6–14 ปี ได้รับการศึกษาภาคบังคับ 9 ปี', en: 'Children 6–14 receive 9 years of compulsory education', deprivedWhen: 'not met' },
  { id: 'e3', bmn: 17, dimension: 'education', th: 'เด็กจบชั้น ม.3 ได้เรียนต่อชั้น ม.4 หรือเทียบเท่า', en: 'Lower-secondary graduates continue to upper secondary', deprivedWhen: 'not met' },
  { id: 'e4', bmn: 19, dimension: 'education', th: 'คนอายุ 15–59 ปี อ่าน เขียนภาษาไทย และคิดเลขอย่างง่ายได้', en: 'People 15–59 read, write Thai and do simple arithmetic', deprivedWhen: 'not met' },
  { id: 'i1', bmn: 20, dimension: 'income', th: 'คนอายุ 15–59 ปี มีอาชีพและรายได้', en: 'People 15–59 have an occupation and income', deprivedWhen: 'not met' },
  { id: 'i2', bmn: 21, dimension: 'income', th: 'คนอายุ 60 ปีขึ้นไป มีอาชีพและรายได้', en: 'People 60+ have an occupation and income', deprivedWhen: 'not met' },
  { id: 'i3', bmn: 22, dimension: 'income', th: 'รายได้เฉลี่ยของคนในครัวเรือนต่อปี', en: 'Average household income per person per year', deprivedWhen: '< 38,000 baht/person/year' },
  { id: 'a1', bmn: 27, dimension: 'access', th: 'ผู้สูงอายุได้รับการดูแลจากครอบครัว ชุมชน ภาครัฐ หรือภาคเอกชน', en: 'Older people are cared for', deprivedWhen: 'not met' },
  { id: 'a2', bmn: 28, dimension: 'access', th: 'ผู้พิการได้รับการดูแลจากครอบครัว ชุมชน ภาครัฐ หรือภาคเอกชน', en: 'People with disabilities are cared for', deprivedWhen: 'not met' },
];

export const INDICATOR_COUNT = INDICATORS.length; // 17
/** Bit of a profile mask holding the household's State Welfare Card registration. */
export const WELFARE_CARD_BIT = INDICATOR_COUNT; // 17
export const WELFARE_CARD_MASK = 1 << WELFARE_CARD_BIT;
/** Mask of all 17 indicator bits. */
export const ALL_INDICATORS_MASK = (1 << INDICATOR_COUNT) - 1;

/** Bit mask of the indicators of each dimension, e.g. health = bits 0..3. */
export const DIMENSION_MASK: Readonly<Record<DimensionId, number>> = Object.fromEntries(
  DIMENSIONS.map((d) => [
    d.id,
    INDICATORS.reduce((m, ind, i) => (ind.dimension === d.id ? m | (1 << i) : m), 0),
  ]),
) as Record<DimensionId, number>;

export const DIMENSION_IDS: readonly DimensionId[] = DIMENSIONS.map((d) => d.id);

export function indicatorIndex(id: string): number {
  const i = INDICATORS.findIndex((ind) => ind.id === id);
  if (i < 0) throw new Error(`unknown indicator id "${id}"`);
  return i;
}
