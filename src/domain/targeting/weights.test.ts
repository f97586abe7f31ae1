import { describe, expect, it } from 'vitest';
import { inputCatalogue, inputDefinition } from './inputs';
import { resolveWeights } from './weights';

const defs = inputCatalogue(); // 3 economy, 6 services, 6 infrastructure
const w = (raw: Parameters<typeof resolveWeights>[1]) => {
  const r = resolveWeights(defs, raw);
  return Object.fromEntries(defs.map((d, j) => [d.id, r.effective[j]]));
};

describe('resolveWeights', () => {
  it('nested equal by default: 1/3 per pillar, equal within', () => {
    const e = w(undefined);
    expect(e.lights_per_capita).toBeCloseTo(1 / 9, 12);
    expect(e.hospital_km).toBeCloseTo(1 / 18, 12);
    expect(e.road).toBeCloseTo(1 / 18, 12);
    expect(Object.values(e).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });
  it('a flat object of inputs means those inputs alone', () => {
    const e = w({ lights_per_capita: 1 });
    expect(e.lights_per_capita).toBe(1);
    expect(Object.values(e).filter((x) => x > 0)).toHaveLength(1);
    const two = resolveWeights(defs, { inputs: { road: 3, water: 1 } });
    expect(two.form).toBe('flat');
    expect(two.effective[defs.findIndex((d) => d.id === 'road')]).toBeCloseTo(0.75, 12);
  });
  it('pillar weights × within-pillar weights', () => {
    const e = w({ pillars: { economy: 2, services: 1, infrastructure: 1 }, within: { lights_per_capita: 2 } });
    // economy 1/2, split 2:1:1 within → lights_per_capita 1/4, lit_share 1/8.
    expect(e.lights_per_capita).toBeCloseTo(0.25, 12);
    expect(e.lit_share).toBeCloseTo(0.125, 12);
    expect(e.road).toBeCloseTo(0.25 / 6, 12);
    expect(resolveWeights(defs, { economy: 1 }).pillars).toMatchObject({ economy: 1, services: 0, infrastructure: 0 });
  });
  it('pillars with no available input drop out and the rest renormalise', () => {
    const only = [inputDefinition('road'), inputDefinition('school_km')];
    expect(Array.from(resolveWeights(only, undefined).effective)).toEqual([0.5, 0.5]);
  });
  it('refuses typos, negatives and all-zero weights', () => {
    expect(() => w({ ligths_per_capita: 1 })).toThrow(/not available/);
    expect(() => w({ road: -1 })).toThrow(/≥ 0/);
    expect(() => w({ road: 0 })).toThrow(/weighs 0/);
    expect(() => w({ pillars: { society: 1 } as never })).toThrow(/unknown pillar/);
  });
});
