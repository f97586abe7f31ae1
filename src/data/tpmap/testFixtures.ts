/**
 * Small TPMAP-export fixtures for tests, written here in the layout (column names, quoting, id
 * widths) of TPMAP's real exports in ../shared/realdata/tpmap2561; the numbers are made up so that
 * expected sums can be worked out by hand.
 */
export const TABLE_HEADER = [
  'poor.household.CNT', 'poor.JPT.CNT', 'poor.JPT.MOFreg.CNT', 'poor.JPT.MOFval.CNT',
  'poor.JPT.MOFval.health', 'poor.JPT.MOFval.living', 'poor.JPT.MOFval.education', 'poor.JPT.MOFval.income', 'poor.JPT.MOFval.accessibility',
  'JPT.MOFval.pov.rate', ...Array.from({ length: 31 }, (_, i) => `poor.JPT.MOFval.ind${i + 1}.CNT`), 'province_ID',
];
export const COMMON_HEADER = ['household.CNT', 'HOUSEMEMBER_CNT', 'MOF_REG_CNT', 'MOF_VAL_CNT', ...Array.from({ length: 31 }, (_, i) => `indicator${i + 1}.CNT`), 'province_ID'];

/** A dimension-table row: poor, target, target per dimension; BMN indicator 20 (i1) = target. */
export function tableRow(id: string, poor: number, target: number, dims: number[]): string {
  const ind = Array.from({ length: 31 }, (_, i) => (i + 1 === 20 ? target : 0));
  return [`"${id}"`, poor, poor, target, target, ...dims, 0.5, ...ind, '"73"'].join(',');
}
export function commonRow(id: string, households: number, people: number): string {
  const ind = Array.from({ length: 31 }, (_, i) => (i + 1 === 22 ? 5 : 0)); // BMN 22 = i3
  return [`"${id}"`, households, people, 1, 1, ...ind, '"73"'].join(',');
}
export const csv = (idCol: string, header: string[], rows: string[]) => [[idCol, ...header].map((h) => `"${h}"`).join(','), ...rows].join('\n');

export const villages11111 = csv('village_ID', TABLE_HEADER, [
  tableRow('7301010101', 10, 4, [1, 2, 0, 3, 0]),
  tableRow('7301010201', 5, 1, [0, 1, 0, 0, 0]),
  tableRow('7301020101', 7, 2, [2, 0, 0, 0, 0]),
]);
export const villagesCommon = csv('village_ID', COMMON_HEADER, [commonRow('7301010101', 40, 100), commonRow('7301010201', 20, 50), commonRow('7301020101', 30, 70)]);
export const tambol11111 = csv('tumbol_ID', TABLE_HEADER, [tableRow('730101', 15, 5, [1, 3, 0, 3, 0]), tableRow('730102', 7, 3, [2, 0, 0, 0, 0])]); // 730102 disagrees on purpose
export const province11111 = csv('province_ID', TABLE_HEADER.slice(0, -1), [tableRow('73', 22, 7, [3, 3, 0, 3, 0]).replace(/,"73"$/, ''), tableRow('29', 1, 1, [1, 0, 0, 0, 0]).replace(/,"73"$/, '')]);

