import { describe, expect, it } from 'vitest';
import { peoplePerVillage } from './datasetServices';

describe('peoplePerVillage', () => {
  it('sums persons over each village’s profile rows', () => {
    const profiles = {
      year: 2565,
      villageStart: Uint32Array.from([0, 2, 2, 5]),
      mask: new Uint32Array(5),
      households: new Uint32Array(5),
      persons: Uint32Array.from([3, 4, 10, 20, 30]),
    };
    expect(Array.from(peoplePerVillage(profiles))).toEqual([7, 0, 60]);
  });
});
