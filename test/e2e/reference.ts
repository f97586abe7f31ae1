/**
 * Brute-force references for e2e assertions, read straight from the dataset files in Node:
 * a plain loop over every profile row, independent of the app's aggregation code.
 */
import { readManifest, readProfiles, readVillages } from '../../src/data/dataset';
import { DEMO_DATA_DIR, dirReader } from '../../src/data/nodeReader';
import { ALL_INDICATORS_MASK, WELFARE_CARD_MASK } from '../../src/domain/indicators';
import { villageCodeString } from '../../src/domain/adminCodes';

export interface AreaReference {
  people: number;
  households: number;
  targetPoor: number;
  poorNoCard: number;
  villages: number;
}

export async function bruteForceArea(prefix: string, year: number, dir = DEMO_DATA_DIR): Promise<AreaReference> {
  const read = dirReader(dir);
  const m = await readManifest(read);
  const v = await readVillages(read, m);
  const p = await readProfiles(read, m, year, v.count);
  const out: AreaReference = { people: 0, households: 0, targetPoor: 0, poorNoCard: 0, villages: 0 };
  for (let i = 0; i < v.count; i++) {
    if (!villageCodeString(v.code[i]).startsWith(prefix === 'TH' ? '' : prefix)) continue;
    out.villages++;
    for (let r = p.villageStart[i]; r < p.villageStart[i + 1]; r++) {
      out.people += p.persons[r];
      out.households += p.households[r];
      const poor = (p.mask[r] & ALL_INDICATORS_MASK) !== 0;
      if (poor && (p.mask[r] & WELFARE_CARD_MASK) !== 0) out.targetPoor += p.persons[r];
      if (poor && (p.mask[r] & WELFARE_CARD_MASK) === 0) out.poorNoCard += p.persons[r];
    }
  }
  return out;
}

/** Digits only, so "1,025,782" and "๑,๐๒๕,๗๘๒" compare as numbers. */
export function parseShownNumber(text: string): number {
  const western = text.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  return Number(western.replace(/[^\d.]/g, ''));
}
