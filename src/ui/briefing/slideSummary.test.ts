import { describe, expect, it } from 'vitest';
import { parseView } from '../../domain/slides/slides';
import { slideSummary } from './slideSummary';

/** A version-1 view as the app stored it, with the lights and service layer sources drawing. */
const v1 = {
  selection: '50',
  year: 2565,
  mpi: { measure: 'tpmap', dimensions: ['health', 'living', 'education', 'income', 'access'], k: 1 / 3, weights: null, welfare: 'all' },
  mapMeasure: 'rate',
  classification: { method: 'quantile', scope: 'national', custom: [] },
  layers: ['ntl', 'access'],
  compare: [],
  targeting: null,
};
const names: Record<string, string> = { '50': 'เชียงใหม่', '58': 'แม่ฮ่องสอน', '5001': 'เมืองเชียงใหม่' };

describe('slide summary', () => {
  it('names the layers a slide holds', () => {
    const s = slideSummary(parseView(v1, 'view'), 'th', (c) => names[c] ?? c, String);
    expect(s.where).toBe('เชียงใหม่ · 2565');
    expect(s.holds.slice(1)).toEqual(['ไฟกลางคืน', 'บริการ']);
  });
  it('map mode, targeting level and compared areas; English', () => {
    const v = parseView({ ...v1, layers: ['targeting'], compare: ['58', '5001'] }, 'view');
    v.targeting = { level: 'district', within: null, needMeasure: 'target_poor', needAs: 'rate', normalise: 'minmax', aggregate: 'linear', missing: 'renormalise', strategy: 'livelihoods', needWeight: 0.5, pillarWeights: { economy: 1, services: 1, infrastructure: 1 }, inputWeights: {}, thresholdWeighting: 'areas' };
    expect(slideSummary(v, 'en', (c) => names[c] ?? c, String).holds.slice(1)).toEqual(['Targeting map (district)', 'Compare แม่ฮ่องสอน · เมืองเชียงใหม่']);
    expect(slideSummary(parseView({ ...v1, layers: [] }, 'view'), 'th', String, String).holds).toHaveLength(1);
  });
});
