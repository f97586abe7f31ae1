import { describe, expect, it } from 'vitest';
import { inputCatalogue, inputDefinition, isInputId } from './inputs';

describe('input catalogue', () => {
  it('has the stable ids of issue 9', () => {
    expect(inputCatalogue().map((d) => d.id)).toEqual([
      'lights_per_capita', 'lit_share', 'lights_per_km2',
      'hospital_km', 'hospital_2sfca', 'health_promoting_hospital_km', 'health_promoting_hospital_2sfca', 'school_km', 'school_2sfca',
      'road', 'electricity', 'water', 'irrigation', 'market', 'internet',
    ]);
  });
  it('distances point down, lights are log-transformed by default', () => {
    expect(inputDefinition('health_promoting_hospital_km')).toMatchObject({ pillar: 'services', direction: -1, unit: 'km' });
    expect(inputDefinition('lights_per_capita')).toMatchObject({ pillar: 'economy', direction: 1, defaultTransform: 'log1p' });
    expect(inputDefinition('market_place_km').en).toBe('Distance to nearest market place');
    expect(isInputId('nonsense')).toBe(false);
    for (const d of inputCatalogue()) expect(d.th.length && d.en.length && d.unit.length).toBeTruthy();
  });
});
