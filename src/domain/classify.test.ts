import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, quantileBreaks, distinctDigits } from './classify';

describe('quantileBreaks', () => {
  it('matches R quantile(type = 7) on 1..10 at 0.2, 0.4, 0.6, 0.8', () => {
    // R: quantile(1:10, c(.2,.4,.6,.8)) -> 2.8 4.6 6.4 8.2
    const b = quantileBreaks([5, 3, 1, 2, 4, 6, 7, 8, 9, 10], 5);
    [2.8, 4.6, 6.4, 8.2].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });
  it('ignores non-finite values and collapses ties', () => {
    // sorted [0,0,0,0,1]: the 25/50/75 % quantiles are all 0 -> one break
    expect(quantileBreaks([0, 0, 0, NaN, 0, 1], 4)).toEqual([0]);
    expect(classOf(NaN, [1])).toBe(-1);
    expect(classOf(0.5, [1, 2])).toBe(0);
    expect(classOf(1, [1, 2])).toBe(1);
    expect(classOf(5, [1, 2])).toBe(2);
  });
});

describe('classBreaks', () => {
  it('ckmeans separates obvious clusters (Wang & Song 2011 example data from simple-statistics docs)', () => {
    // simple-statistics docs: ckmeans([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3) -> [[-1,-1,-1,-1],[2,2,2],[4,5,6]]
    expect(classBreaks([-1, 2, -1, 2, 4, 5, 6, -1, 2, -1], 3, 'ckmeans')).toEqual([2, 4]);
  });
  it('equal intervals split the range evenly; custom breaks are sorted', () => {
    expect(classBreaks([0, 10, 5], 5, 'equal')).toEqual([2, 4, 6, 8]);
    expect(classBreaks([1, 2], 5, 'custom', [0.3, 0.1, NaN])).toEqual([0.1, 0.3]);
  });
});

describe('ckmeans on many values', () => {
  it('finds the same gaps from the quantile sketch as from all values (three separated clusters)', () => {
    // 30,000 values in three well-separated bands: exact ckmeans breaks fall at each band's start.
    const values: number[] = [];
    for (let i = 0; i < 30_000; i++) values.push(i % 3 === 0 ? 1 + (i % 97) / 1000 : i % 3 === 1 ? 5 + (i % 89) / 1000 : 9 + (i % 83) / 1000);
    const breaks = classBreaks(values, 3, 'ckmeans');
    expect(breaks).toEqual([5, 9]);
  });
});

describe('legend breaks never open with an empty class or repeat a value', () => {
  it('drops quantile breaks at the minimum (many zeros)', () => {
    const values = [0, 0, 0, 0, 0, 0, 0.0004, 0.001, 0.02, 0.05];
    const b = classBreaks(values, 5, 'quantile');
    expect(b.every((x) => x > 0)).toBe(true);
    expect(b).toEqual([...new Set(b)]);
  });
  it('finds the fewest digits at which breaks read differently and none reads as zero', () => {
    const pct = (x: number, d: number) => `${(x * 100).toFixed(d)} %`;
    expect(distinctDigits([0.00047, 0.0019, 0.012], pct)).toBe(2);
    expect(distinctDigits([0.015, 0.019, 0.025], pct)).toBe(1);
    expect(distinctDigits([0.0000004], pct, 1, 4)).toBe(4);
  });
});
