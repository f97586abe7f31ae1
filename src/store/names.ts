/** Display names of areas in the chosen language; villages are named by moo within their subdistrict (TPMAP communities by their id). */
import { levelOfCode } from '../domain/adminCodes';
import { t, type Lang } from '../text/i18n';
import type { LoadedDataset } from './store';

export function areaName(ds: LoadedDataset | null, code: string, lang: Lang): string {
  if (code === 'TH') return t('country', lang);
  const level = levelOfCode(code);
  if (level === 'village') {
    const sub = ds?.names.get(code.slice(0, 6));
    // A letter-coded TPMAP community: its own id (importTpmap.ts assignCommunityCodes), not "Moo 99".
    const own = ds?.names.get(code);
    if (own) return `${own[lang] || own.th}${sub ? ` ${sub[lang]}` : ''}`;
    const moo = Number(code.slice(6));
    return `${t('mooPrefix', lang)} ${moo}${sub ? ` ${sub[lang]}` : ''}`;
  }
  return ds?.names.get(code)?.[lang] ?? code;
}
