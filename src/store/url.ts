/**
 * The view in the URL (selection, year, language, Thai digits) so a reload or a shared link
 * restores it. Query parameters, replaced in place (no history entry per click).
 */
import type { Lang } from '../ui/i18n';

export interface UrlView {
  selection?: string;
  year?: number;
  lang?: Lang;
  thaiDigits?: boolean;
}

export function parseUrlView(search: string): UrlView {
  const q = new URLSearchParams(search);
  const out: UrlView = {};
  const sel = q.get('area');
  if (sel && /^(TH|\d{2}|\d{4}|\d{6}|\d{8})$/.test(sel)) out.selection = sel;
  const year = Number(q.get('year'));
  if (Number.isInteger(year) && year > 2500 && year < 2700) out.year = year;
  const lang = q.get('lang');
  if (lang === 'th' || lang === 'en') out.lang = lang;
  if (q.get('digits') === 'thai') out.thaiDigits = true;
  return out;
}

export function formatUrlView(v: Required<UrlView>): string {
  const q = new URLSearchParams();
  if (v.selection !== 'TH') q.set('area', v.selection);
  q.set('year', String(v.year));
  q.set('lang', v.lang);
  if (v.thaiDigits) q.set('digits', 'thai');
  return `?${q.toString()}`;
}
