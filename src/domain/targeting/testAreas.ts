/** Seeded synthetic areas for the targeting tests and bench (no file needed). */
import { mulberry32 } from '../random';
import { inputCatalogue } from './inputs';
import type { TargetingAreas } from './rankAreas';

/**
 * n areas with codes 10000001…, every catalogue input, people and target poor; `missingShare` of
 * input cells set to NaN.
 */
export function syntheticAreas(n: number, seed = 1, missingShare = 0, level = 'village'): TargetingAreas {
  const r = mulberry32(seed);
  const people = Float64Array.from({ length: n }, () => 100 + Math.floor(r() * 2000));
  const targetPoor = Float64Array.from(people, (p) => Math.floor(p * r() * 0.2));
  const inputs: Record<string, Float64Array> = {};
  for (const d of inputCatalogue()) {
    const col = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const base = d.id.startsWith('lights') ? Math.exp(r() * 6) - 1 : d.id.endsWith('_km') ? r() * 40 : d.id.endsWith('2sfca') ? r() * 3 : r();
      col[i] = r() < missingShare ? NaN : base;
    }
    inputs[d.id] = col;
  }
  const codes = Array.from({ length: n }, (_, i) => String(10_000_001 + i));
  return { level, codes, people, targetPoor, inputs, needColumns: [{ id: 'target_poor', kind: 'count', values: targetPoor }] };
}
