import { describe, expect, it } from 'vitest';
import { englishNameKey, thaiNameKey } from './normaliseName';

// Spellings as they occur in Thai government files: DOPA writes the level word before the name
// (อำเภอ/อ., กิ่งอำเภอ, เขต and แขวง in Bangkok, ตำบล/ต.), ฯ abbreviates (กรุงเทพฯ), and
// TIS-620-era software stores ำ as nikhahit + sara aa and tone marks before upper vowels.
describe('thaiNameKey', () => {
  it('drops the level words, spaces and zero-width characters', () => {
    const key = thaiNameKey('เมืองนครปฐม', 'district');
    for (const s of ['อำเภอเมืองนครปฐม', 'อำเภอ เมืองนครปฐม', 'อ.เมืองนครปฐม', 'กิ่งอำเภอเมืองนครปฐม', ' เมือง นครปฐม ', 'เมือง\u200bนครปฐม', '\ufeffเมืองนครปฐม']) expect(thaiNameKey(s, 'district')).toBe(key);
    expect(thaiNameKey('เขตพระนคร', 'district')).toBe(thaiNameKey('พระนคร', 'district'));
    for (const s of ['ตำบลบางแขม', 'ต.บางแขม', 'ตำบล บางแขม']) expect(thaiNameKey(s, 'subdistrict')).toBe(thaiNameKey('บางแขม', 'subdistrict'));
    expect(thaiNameKey('แขวงพระบรมมหาราชวัง', 'subdistrict')).toBe(thaiNameKey('พระบรมมหาราชวัง', 'subdistrict'));
    expect(thaiNameKey('จังหวัดนครปฐม', 'province')).toBe(thaiNameKey('นครปฐม', 'province'));
  });
  it('drops ฯ and folds legacy sara am and mark order', () => {
    expect(thaiNameKey('กรุงเทพฯ', 'province')).toBe('กรุงเทพ');
    // น้ำ typed as น + ้ + ํ + า and as น + ํ + ้ + า (both render the same).
    expect(thaiNameKey('ท่าน\u0e49\u0e4d\u0e32', 'subdistrict')).toBe(thaiNameKey('ท่าน้ำ', 'subdistrict'));
    expect(thaiNameKey('ท่าน\u0e4d\u0e49\u0e32', 'subdistrict')).toBe(thaiNameKey('ท่าน้ำ', 'subdistrict'));
    // ที่ with the tone mark typed before the vowel.
    expect(thaiNameKey('\u0e17\u0e48\u0e35', 'district')).toBe(thaiNameKey('ที่', 'district'));
  });
  it('keeps a level word that is the whole name, and other levels\' words', () => {
    expect(thaiNameKey('เขต', 'district')).toBe('เขต');
    // A subdistrict may begin with เขา…; only the subdistrict words are dropped at that level.
    expect(thaiNameKey('เขตรอุดมศักดิ์', 'subdistrict')).toBe('เขตรอุดมศักดิ์');
    expect(thaiNameKey('ตำบลหนึ่ง', 'district')).toBe('ตำบลหนึ่ง');
  });
  it('tells different names apart', () => {
    expect(thaiNameKey('บางไทร', 'district')).not.toBe(thaiNameKey('บางซ้าย', 'district'));
  });
});

describe('englishNameKey', () => {
  it('ignores case, spaces, hyphens, the Amphoe/Khet/Tambon words and Muang spellings', () => {
    const key = englishNameKey('Mueang Chiang Mai', 'district');
    for (const s of ['Amphoe Mueang Chiang Mai', 'MUANG CHIANG MAI', 'Meuang Chiang-Mai', 'Mueang Chiang Mai District', 'King Amphoe Mueang Chiang Mai', 'Mueang  Chiang\u00a0Mai']) expect(englishNameKey(s, 'district')).toBe(key);
    expect(englishNameKey('Khet Phra Nakhon', 'district')).toBe(englishNameKey('Phra Nakhon', 'district'));
    for (const s of ['Tambon Bang Khaem', 'Bang-Khaem', 'Bang Khaem Subdistrict', 'Khwaeng Bang Khaem']) expect(englishNameKey(s, 'subdistrict')).toBe(englishNameKey('Bang Khaem', 'subdistrict'));
    expect(englishNameKey('Nakhon Pathom Province', 'province')).toBe('nakhonpathom');
  });
  it('does not fold a name that only contains the word', () => {
    expect(englishNameKey('Khet', 'district')).toBe('khet');
    expect(englishNameKey('Ban Muang', 'district')).toBe('banmueang');
  });
});
