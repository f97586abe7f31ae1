/**
 * What a slide holds, in words, for the slide list: the area and year, the measure, the feature
 * layers that are on ("ไฟกลางคืน · บริการ"), the map mode, the compared areas and the targeting
 * level. The list shows it so a presenter can tell slides apart before showing them.
 */
import type { Lang } from '../../text/i18n';
import { isMapMeasure, measureInfo } from '../../domain/mapMeasures';
import type { SlideView } from '../../domain/slides/slides';
import { tc } from '../compare/text';

type Key = Parameters<typeof tc>[0];
const MODE_KEY: Record<string, Key> = { targeting: 'modeTargeting', hotspots: 'modeHotspots', progress: 'modeProgress' };
const LEVEL_KEY: Record<string, Key> = { village: 'levelVillage', subdistrict: 'levelSubdistrict', district: 'levelDistrict', province: 'levelProvince' };

/** The parts of the summary, in order; `name` words an area code, `year` a Buddhist-era year. */
export function slideSummary(v: SlideView, lang: Lang, name: (code: string) => string, year: (y: number) => string): { where: string; holds: string[] } {
  const holds: string[] = [];
  holds.push(isMapMeasure(v.mapMeasure) ? measureInfo(v.mapMeasure)[lang] : v.mapMeasure);
  if (v.layers.lights) holds.push(tc('holdsLights', lang));
  if (v.layers.services) holds.push(tc('holdsServices', lang));
  if (v.layers.mapMode !== 'need') {
    const mode = MODE_KEY[v.layers.mapMode] ? tc(MODE_KEY[v.layers.mapMode], lang) : v.layers.mapMode;
    const level = v.layers.mapMode === 'targeting' && v.targeting ? ` (${tc(LEVEL_KEY[v.targeting.level], lang)})` : '';
    holds.push(`${mode}${level}`);
  }
  if (v.compare.length >= 2) holds.push(`${tc('holdsCompare', lang)} ${v.compare.map(name).join(' · ')}`);
  return { where: `${name(v.selection)} · ${year(v.year)}`, holds };
}
