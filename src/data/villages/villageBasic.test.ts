import { describe, expect, it } from 'vitest';
import { basicValue, importVillageBasic, looksLikeVillageBasic, MISSING } from './villageBasic';

describe('importVillageBasic', () => {
  it('maps Thai headers and yes/no/level cells, missing stays missing', () => {
    const csv = 'รหัสหมู่บ้าน,ถนน,ไฟฟ้า,ประปา,อินเทอร์เน็ต,หมายเหตุ\n7301010201,มี,มี,ไม่มี,,x\n73010101,0,1,บางส่วน,1,\n';
    const r = importVillageBasic(csv, 'kcc2c.csv');
    expect(Array.from(r.code)).toEqual([73010101, 73010102]);
    expect(Array.from(r.columns.all_season_road)).toEqual([0, 1]);
    expect(Array.from(r.columns.electricity)).toEqual([1, 1]);
    expect(Array.from(r.columns.piped_water)).toEqual([1, 0]);
    expect(Array.from(r.columns.internet)).toEqual([1, MISSING]);
    expect(Array.from(r.columns.market)).toEqual([MISSING, MISSING]);
    expect(r.report.ignoredColumns).toEqual(['หมายเหตุ']);
  });
  it('reports unreadable cells by line and column', () => {
    const r = importVillageBasic('village_code,road,market\n73010101,maybe,yes\n', 'b.csv');
    expect(r.report.badCells.examples).toEqual(['line 2, column road: "maybe" is neither yes/no nor a level']);
    expect(r.columns.all_season_road[0]).toBe(MISSING);
  });
  it('recognises a basic-data header and reads values', () => {
    expect(looksLikeVillageBasic(['code', 'Road', 'Electricity'])).toBe(true);
    expect(looksLikeVillageBasic(['code', 'lat', 'lon'])).toBe(false);
    expect([basicValue('ใช่'), basicValue('FALSE'), basicValue('35%'), basicValue('')]).toEqual([1, 0, 1, MISSING]);
  });
});
