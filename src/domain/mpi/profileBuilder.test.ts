import { describe, expect, it } from 'vitest';
import { ProfileBuilder } from './profileBuilder';

describe('ProfileBuilder', () => {
  it('merges households with the same village and mask, sorts villages and masks', () => {
    const b = new ProfileBuilder();
    b.add(73010102, 5, 3);
    b.add(10010101, 1 << 17, 2);
    b.add(73010102, 5, 4);
    b.add(73010102, 0, 1);
    const { villageCodes, profiles } = b.build(2565);
    expect(Array.from(villageCodes)).toEqual([10010101, 73010102]);
    expect(Array.from(profiles.villageStart)).toEqual([0, 1, 3]);
    expect(Array.from(profiles.mask)).toEqual([1 << 17, 0, 5]);
    expect(Array.from(profiles.households)).toEqual([1, 1, 2]);
    expect(Array.from(profiles.persons)).toEqual([2, 1, 7]);
    expect([b.householdCount, b.personCount, profiles.year]).toEqual([4, 10, 2565]);
  });
});
