import { describe, expect, it } from 'vitest';
import { classifyPoint, parseCoordinate, projectedMessage } from './coordinates';

describe('coordinates', () => {
  it('classifies points read as (lon, lat)', () => {
    expect(classifyPoint(100.5, 13.75)).toBe('ok'); // Bangkok
    expect(classifyPoint(13.75, 100.5)).toBe('swapped');
    expect(classifyPoint(2.35, 48.85)).toBe('outside'); // Paris
    expect(classifyPoint(190, 13)).toBe('outside'); // a typo, not metres
    expect(classifyPoint(662000, 1521000)).toBe('projected'); // Bangkok in UTM 47N
    expect(classifyPoint(NaN, 13)).toBe('invalid');
  });
  it('parses decimal numbers, with a decimal comma, and nothing else', () => {
    expect(parseCoordinate(' 100.5 ')).toBe(100.5);
    expect(parseCoordinate('13,75')).toBe(13.75);
    expect(parseCoordinate('-1e2')).toBe(-100);
    for (const bad of ['', 'abc', '13°45′N', '1,234,567', '13.5.2']) expect(parseCoordinate(bad)).toBeNaN();
  });
  it('names UTM 47N/48N when values look like it', () => {
    expect(projectedMessage('f.csv', 'line 2', 662000, 1521000)).toMatch(/f\.csv: .*line 2: x=662000, y=1521000.*UTM zone 47N\/48N/);
    expect(projectedMessage('f.csv', 'line 2', 5e7, 3)).toMatch(/not longitude\/latitude degrees/);
  });
});
