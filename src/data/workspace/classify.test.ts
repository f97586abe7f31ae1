import { describe, expect, it } from 'vitest';
import type { InputFile } from '../formats/reader';
import { knownByName, readInputs } from './classify';

/** An input that counts how often its head was read. */
function input(name: string, text: string): InputFile & { heads: number } {
  const bytes = new TextEncoder().encode(text);
  const f = {
    name,
    size: bytes.length,
    heads: 0,
    text: async () => text,
    bytes: async () => bytes,
    head: async () => {
      f.heads++;
      return bytes.subarray(0, 65536);
    },
  };
  return f;
}

describe('classification by name (issue 16: a national TPMAP folder is 7,328 files)', () => {
  it('takes TPMAP export names without reading their heads; other files by their head', async () => {
    const tpmap = input('61_73_village_11111.csv', 'village_ID,poor.JPT.CNT\n');
    const names = input('bmn61.village_name_73.csv', 'village_ID,name\n');
    const other = input('households.csv', 'village_code,members,h1\n');
    const r = await readInputs([tpmap, names, other]);
    expect([tpmap.heads, names.heads, other.heads]).toEqual([0, 0, 1]);
    expect(r.items.filter((i) => i.kind === 'tpmap').map((i) => i.name)).toEqual(['61_73_village_11111.csv', 'bmn61.village_name_73.csv']);
    expect(knownByName('dir/61_province_common.csv')).toBe(true);
    expect(knownByName('61_73_village.csv')).toBe(false);
  });
  it('refuses a 0-byte table by name and reads the others (one failed export among thousands)', async () => {
    const empty = input('61_73_amphur_00011.csv', '');
    const tpmap = input('61_73_village_11111.csv', 'village_ID,poor.JPT.CNT\n');
    const r = await readInputs([empty, tpmap]);
    expect(r.refused).toEqual([{ file: '61_73_amphur_00011.csv', message: '61_73_amphur_00011.csv: empty file (0 bytes); export this TPMAP table again (the other tables are read) / ไฟล์ว่าง ส่งออกตารางนี้จาก TPMAP ใหม่ (ตารางอื่นนำเข้าแล้ว)' }]);
    expect(r.items.map((i) => i.name)).toEqual(['61_73_village_11111.csv']);
  });
});
