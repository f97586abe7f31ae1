import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gazetteerFromJson, loadGazetteer } from './gazetteer';
import { columnLevel, detectNameColumns, matchNames, type MatchSpec } from './matchNames';

// A small gazetteer: rows as in OCHA COD-AB th_adm1–3 (CC BY-IGO; the shipped file has them all),
// chosen for the hard cases: a เมือง… district in each of two provinces, เฉลิมพระเกียรติ in three
// provinces, two Ayutthaya districts both romanised "Bang Sai", and two Pak Phanang subdistricts
// whose Thai names the source cuts to the same 16 characters.
const g = gazetteerFromJson({
  provinces: [['10', 'กรุงเทพมหานคร', 'Bangkok'], ['14', 'พระนครศรีอยุธยา', 'Phra Nakhon Si Ayutthaya'], ['19', 'สระบุรี', 'Saraburi'], ['30', 'นครราชสีมา', 'Nakhon Ratchasima'], ['50', 'เชียงใหม่', 'Chiang Mai'], ['51', 'ลำพูน', 'Lamphun'], ['73', 'นครปฐม', 'Nakhon Pathom'], ['80', 'นครศรีธรรมราช', 'Nakhon Si Thammarat']],
  districts: [['1001', 'พระนคร', 'Phra Nakhon'], ['1404', 'บางไทร', 'Bang Sai'], ['1413', 'บางซ้าย', 'Bang Sai'], ['1913', 'เฉลิมพระเกียรติ', 'Chaloem Phra Kiat'], ['3032', 'เฉลิมพระเกียรติ', 'Chaloem Phra Kiat'], ['5001', 'เมืองเชียงใหม่', 'Mueang Chiang Mai'], ['5101', 'เมืองลำพูน', 'Mueang Lamphun'], ['7301', 'เมืองนครปฐม', 'Mueang Nakhon Pathom'], ['7302', 'กำแพงแสน', 'Kamphaeng Saen'], ['8012', 'ปากพนัง', 'Pak Phanang'], ['8023', 'เฉลิมพระเกียรติ', 'Chaloem Phra Kiat']],
  subdistricts: [['100101', 'พระบรมมหาราชวัง', 'Phraborom Maharatchawang'], ['730101', 'พระปฐมเจดีย์', 'Phra Pathom Chedi'], ['730102', 'บางแขม', 'Bang Khaem'], ['730201', 'ทุ่งกระพังโหม', 'Thung Kraphang Hom'], ['730202', 'กระตีบ', 'Kratip'], ['801201', 'ปากพนัง', 'Pak Phanang'], ['801210', 'ปากพนังฝั่งตะวัน', 'Pak Phanang Fang Tawan Tok'], ['801214', 'ปากพนังฝั่งตะวัน', 'Pak Phanang Fang Tawan Ok']],
});

const spec = (rows: Record<string, string>[], level: MatchSpec['level'], extra: Partial<MatchSpec> = {}): MatchSpec => ({ level, layout: detectNameColumns(rows, [...new Set(rows.flatMap(Object.keys))]), ...extra });

describe('detectNameColumns', () => {
  it('takes the level from the finest name column and the language from the values', () => {
    const rows = [{ ADM1_TH: 'นครปฐม', ADM2_TH: 'กำแพงแสน', ADM2_EN: 'Kamphaeng Saen', adm2_pcode: 'TH7302' }];
    const l = detectNameColumns(rows, Object.keys(rows[0]));
    expect(l.finest).toBe('district');
    expect(l.byLevel).toEqual({ province: { th: 'ADM1_TH', en: null }, district: { th: 'ADM2_TH', en: 'ADM2_EN' } });
    // A column labelled _en but holding Thai is read as Thai.
    expect(detectNameColumns([{ adm3_en: 'บางแขม' }], ['adm3_en']).byLevel.subdistrict).toEqual({ th: 'adm3_en', en: null });
  });
  it('knows the column names of OCHA, GADM and Thai GIS files, and that codes are not names', () => {
    expect(['ADM3_TH', 'NAME_3', 'NL_NAME_3', 'TAM_NAM_T', 'TB_TN', 'tambon_name', 'subdistrict', 'ตำบล'].map(columnLevel)).toEqual(Array(8).fill('subdistrict'));
    expect(['ADM2_EN', 'NAME_2', 'AMP_NAM_T', 'AP_TN', 'amphoe', 'district_name', 'อำเภอ'].map(columnLevel)).toEqual(Array(7).fill('district'));
    expect(['ADM1_TH', 'NAME_1', 'PROV_NAM_T', 'PV_TN', 'changwat', 'จังหวัด'].map(columnLevel)).toEqual(Array(6).fill('province'));
    expect(['name', 'name_th', 'NAME_EN', 'ชื่อ'].map(columnLevel)).toEqual(Array(4).fill('generic'));
    expect(['adm2_pcode', 'AMP_CODE', 'area_km2', 'Shape_Leng'].map(columnLevel)).toEqual([null, null, null, null]);
    expect(detectNameColumns([{ adm2_th: '7302' }, { adm2_th: 'TH7301' }], ['adm2_th']).finest).toBeNull();
  });
});

describe('matchNames', () => {
  it('matches a district within its province: the same เมือง / Mueang in two provinces', () => {
    const rows: Record<string, string>[] = [
      { ADM1_TH: 'เชียงใหม่', ADM2_TH: 'อำเภอเมืองเชียงใหม่' },
      { ADM1_TH: 'ลำพูน', ADM2_TH: 'เมืองลำพูน' },
      { ADM1_TH: 'จังหวัดเชียงใหม่', ADM2_TH: 'อำเภอเมือง' },
      { ADM1_EN: 'Lamphun', ADM2_EN: 'Amphoe Muang' },
      { ADM1_TH: 'สระบุรี', ADM2_TH: 'เฉลิมพระเกียรติ' },
      { ADM1_TH: 'นครราชสีมา', ADM2_TH: 'เฉลิมพระเกียรติ' },
      { ADM1_TH: 'กรุงเทพฯ', ADM2_TH: 'เขตพระนคร' },
    ];
    const m = matchNames(rows, spec(rows, 'district'), g);
    expect(m.codes).toEqual(['5001', '5101', '5001', '5101', '1913', '3032', '1001']);
    expect(m.matched).toBe(7);
    expect(m.unmatched).toEqual([]);
    expect(m.ambiguous).toEqual([]);
  });
  it('lists a name that matches two areas with both, and one that matches none, in Thai and English', () => {
    const rows: Record<string, string>[] = [
      { ADM1_EN: 'Phra Nakhon Si Ayutthaya', ADM2_EN: 'Bang Sai' },
      { ADM1_EN: 'Ayutthaya', ADM2_EN: 'Bang Sai', ADM2_TH: 'บางซ้าย' },
      { ADM1_TH: 'นครปฐม', ADM2_TH: 'แอตแลนติส', ADM2_EN: 'Atlantis' },
      { ADM1_TH: 'ไม่มีจังหวัดนี้', ADM2_TH: 'กำแพงแสน', ADM2_EN: 'Kamphaeng Saen' },
    ];
    const m = matchNames(rows, spec(rows, 'district'), g);
    expect(m.codes).toEqual([null, '1413', null, null]);
    expect(m.ambiguous).toHaveLength(1);
    expect(m.ambiguous[0]).toMatchObject({ feature: 1, en: 'Bang Sai', parent: 'Phra Nakhon Si Ayutthaya' });
    expect(m.ambiguous[0].candidates.map((c) => c.code)).toEqual(['1404', '1413']);
    expect(m.unmatched.map((u) => [u.feature, u.th, u.en, u.reason])).toEqual([
      [3, 'แอตแลนติส', 'Atlantis', 'matches no district in นครปฐม'],
      [4, 'กำแพงแสน', 'Kamphaeng Saen', 'province "ไม่มีจังหวัดนี้" matches no province'],
    ]);
  });
  it('without a parent column matches in the whole country, and lists a name found in several provinces', () => {
    const rows = [{ amp_nam_t: 'กำแพงแสน' }, { amp_nam_t: 'เฉลิมพระเกียรติ' }];
    const m = matchNames(rows, spec(rows, 'district'), g);
    expect(m.codes).toEqual(['7302', null]);
    expect(m.ambiguous[0].candidates.map((c) => c.code)).toEqual(['1913', '3032', '8023']);
    expect(m.ambiguous[0].reason).toMatch(/in the whole country/);
  });
  it('matches subdistricts within their district, within the province when the district name fails, and by a parent code', () => {
    const rows: Record<string, string>[] = [
      { ADM1_TH: 'นครปฐม', ADM2_TH: 'เมืองนครปฐม', ADM3_TH: 'ตำบลบางแขม' },
      { ADM1_TH: 'นครปฐม', ADM2_TH: 'อำเภอที่ไม่มี', ADM3_TH: 'กระตีบ' },
      { ADM1_TH: 'กรุงเทพมหานคร', ADM2_TH: 'เขตพระนคร', ADM3_TH: 'แขวงพระบรมมหาราชวัง' },
      // The source cuts both names to ปากพนังฝั่งตะวัน: the full Thai name fits both, the English decides.
      { ADM1_TH: 'นครศรีธรรมราช', ADM2_TH: 'ปากพนัง', ADM3_TH: 'ปากพนังฝั่งตะวันออก', ADM3_EN: 'Pak Phanang Fang Tawan Ok' },
      { ADM1_TH: 'นครศรีธรรมราช', ADM2_TH: 'ปากพนัง', ADM3_TH: 'ปากพนังฝั่งตะวันตก' },
    ];
    const m = matchNames(rows, spec(rows, 'subdistrict'), g);
    expect(m.codes).toEqual(['730102', '730202', '100101', '801214', null]);
    expect(m.withinProvinceOnly).toBe(1);
    expect(m.ambiguous.map((a) => [a.feature, a.candidates.map((c) => c.code)])).toEqual([[5, ['801210', '801214']]]);
    const coded = [{ adm2_pcode: 'TH7302', adm3_en: 'Kratip' }, { adm2_pcode: 'TH7301', adm3_en: 'Kratip' }];
    expect(matchNames(coded, spec(coded, 'subdistrict', { parentCodes: ['7302', '7301'] }), g).codes).toEqual(['730202', null]);
  });
  it('on the shipped gazetteer: the codes nest and every OCHA name finds its own code', async () => {
    const full = await loadGazetteer();
    expect([full.province.length, full.district.length, full.subdistrict.length]).toEqual([77, 928, 7425]);
    const provinces = new Set(full.province.map((p) => p.code));
    const districts = new Set(full.district.map((d) => d.code));
    expect(full.district.every((d) => /^\d{4}$/.test(d.code) && provinces.has(d.code.slice(0, 2)))).toBe(true);
    expect(full.subdistrict.every((s) => /^\d{6}$/.test(s.code) && districts.has(s.code.slice(0, 4)))).toBe(true);
    const rows = full.district.map((d) => ({ adm1_th: full.province.find((p) => p.code === d.code.slice(0, 2))!.th, adm2_th: d.th, adm2_en: d.en }));
    const m = matchNames(rows, spec(rows, 'district'), full);
    expect(m.codes).toEqual(full.district.map((d) => d.code));
  });
  it('property: every shipped district, however its Thai or English name is dressed, finds its own code within its province', async () => {
    const full = await loadGazetteer();
    const province = new Map(full.province.map((p) => [p.code, p]));
    // Ways files write a name: DOPA's level word, spaces, a zero-width space, upper case, Amphoe/Muang.
    const dressTh = (th: string, bangkok: boolean, k: number) => [`${bangkok ? 'เขต' : 'อำเภอ'}${th}`, `${bangkok ? 'เขต ' : 'อ.'}${th}`, ` ${th} `, th.replace(/^(.)/, '$1\u200b')][k];
    const dressEn = (en: string, k: number) => [`Amphoe ${en}`, en.toUpperCase(), en.replace(/^Mueang /, 'Muang '), `${en} District`][k];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.district.length - 1 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (i, kt, ke, thai) => {
        const d = full.district[i];
        const p = province.get(d.code.slice(0, 2))!;
        const row: Record<string, string> = thai ? { adm1_th: p.th, adm2_th: dressTh(d.th, p.code === '10', kt) } : { adm1_en: p.en, adm2_en: dressEn(d.en, ke) };
        const m = matchNames([row], spec([row], 'district'), full);
        // English names repeat within a province (บางไทร and บางซ้าย are both "Bang Sai"): then listed, never another code.
        if (m.codes[0] === null) return !thai && m.ambiguous.length === 1 && m.ambiguous[0].candidates.some((c) => c.code === d.code);
        return m.codes[0] === d.code;
      }),
      { seed: 14, numRuns: 500 },
    );
  });
});
