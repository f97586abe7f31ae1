/**
 * Seeded gamma and Dirichlet variates for the weight Monte Carlo (stability.ts), on the seeded
 * PRNG of src/domain/random.ts.
 *
 * Gamma(shape a, scale 1): Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables", ACM TOMS 26(3): d = a − 1/3, c = 1/√(9d); repeat x ~ N(0,1), v = (1 + c·x)³ until
 * v > 0 and ln u < x²/2 + d − d·v + d·ln v; return d·v. For a < 1, Gamma(a) = Gamma(a + 1)·U^{1/a}
 * (the same paper, §6). Normal deviates by the Marsaglia polar method.
 *
 * Dirichlet(α·w): independent Gamma(α·w_j) normalised by their sum; its mean is w and its
 * variance shrinks as α grows (Var = w_j(1 − w_j)/(α + 1)), so α is the "concentration" around
 * the chosen weights. α = ∞ returns w itself.
 */

export class GammaSampler {
  private spare = NaN;
  constructor(private readonly uniform: () => number) {}

  /** A standard normal deviate (Marsaglia polar method, pairs cached). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        this.spare = v * f;
        return u * f;
      }
    }
  }

  /** Gamma(shape, 1). */
  gamma(shape: number): number {
    if (!(shape > 0)) throw new Error(`gamma: shape must be > 0 (got ${shape})`);
    if (shape < 1) {
      const u = 1 - this.uniform(); // (0, 1]
      return this.gamma(shape + 1) * Math.pow(u, 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = 1 - this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v; // squeeze
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /**
   * Dirichlet draw around `mean` (entries ≥ 0, sum 1) with concentration alpha into `out`;
   * zero-weight entries stay zero.
   */
  dirichlet(mean: ArrayLike<number>, alpha: number, out: Float64Array): Float64Array {
    if (alpha === Infinity) {
      for (let j = 0; j < mean.length; j++) out[j] = mean[j];
      return out;
    }
    if (!(alpha > 0)) throw new Error(`dirichlet: concentration must be > 0 (got ${alpha})`);
    let sum = 0;
    for (let j = 0; j < mean.length; j++) {
      out[j] = mean[j] > 0 ? this.gamma(alpha * mean[j]) : 0;
      sum += out[j];
    }
    if (!(sum > 0)) {
      // Every gamma underflowed (tiny α·w): fall back to the mean rather than dividing by zero.
      for (let j = 0; j < mean.length; j++) out[j] = mean[j];
      return out;
    }
    for (let j = 0; j < mean.length; j++) out[j] /= sum;
    return out;
  }
}
