// AssemblyScript (not TypeScript: compiled by `npm run build:wasm` into
// ../bufferZonalKernelWasm.ts; excluded from tsc). The pixel loop of bufferZonalStats
// (../bufferZonalStats.ts, whose comments give the method): for every village in visiting order,
// the column terms, each row's run of member columns, and the run's sum, valid and lit counts.
// It is a line-for-line twin of kernelJs in ../bufferZonalStats.ts — the same IEEE-754 double
// operations in the same order, so both give bit-identical results (the tests check it). WebAssembly
// runs the loop itself ≈ 1.6× faster than the JIT runs the JS (issue 16 item 5; 23 → 19 ms for the
// whole national call): on 64-bit hosts its loads are bounds-checked by guard pages instead of a
// compare per typed-array access, and it never deoptimises.
//
// Memory (byte offsets into the imported memory, laid out by ../bufferZonalStats.ts):
//   values  f32[rows × ww]   radiance of the grid's rows wr0… and columns wc0…, NaN = nodata
//   sHLat, cHLat, cLat  f64[height]   sin φ/2, cos φ/2, cos φ of each row's centre
//   sHLon, cHLon        f64[width]    sin λ/2, cos λ/2 of each column's centre
//   params  f64[m × 5]   per village: cos φ₀, sin φ₀/2, cos φ₀/2, sin λ₀/2, cos λ₀/2
//   box     i32[m × 5]   per village: r0, r1, c0, c1 (bounding box, inclusive), kc (nearest column − c0)
//   order   u32[m]       the village index i of the o-th village visited
//   outSum f64[n], outValid u32[n], outLit u32[n]   written at index i
//   colTerm f64[width]   scratch

export function run(
  m: i32,
  ww: i32,
  wr0: i32,
  wc0: i32,
  aMax: f64,
  threshold: f64,
  values: usize,
  sHLat: usize,
  cHLat: usize,
  cLat: usize,
  sHLon: usize,
  cHLon: usize,
  params: usize,
  box: usize,
  order: usize,
  outSum: usize,
  outValid: usize,
  outLit: usize,
  colTerm: usize,
): void {
  for (let o = 0; o < m; o++) {
    const pp = params + <usize>o * 40;
    const cosPhi0 = load<f64>(pp);
    const sinHalfPhi0 = load<f64>(pp, 8);
    const cosHalfPhi0 = load<f64>(pp, 16);
    const sinHalfLambda0 = load<f64>(pp, 24);
    const cosHalfLambda0 = load<f64>(pp, 32);
    const bp = box + <usize>o * 20;
    const r0 = load<i32>(bp);
    const r1 = load<i32>(bp, 4);
    const c0 = load<i32>(bp, 8);
    const c1 = load<i32>(bp, 12);
    const kc = load<i32>(bp, 16);
    let sum: f64 = 0;
    let valid: i32 = 0;
    let lit: i32 = 0;
    if (r0 <= r1 && c0 <= c1) {
      const nc = c1 - c0 + 1;
      for (let k = 0; k < nc; k++) {
        const s = load<f64>(sHLon + (<usize>(c0 + k) << 3)) * cosHalfLambda0 - load<f64>(cHLon + (<usize>(c0 + k) << 3)) * sinHalfLambda0;
        store<f64>(colTerm + (<usize>k << 3), s * s);
      }
      let kL: i32 = -1;
      let kR: i32 = -1;
      for (let r = r0; r <= r1; r++) {
        const s = load<f64>(sHLat + (<usize>r << 3)) * cosHalfPhi0 - load<f64>(cHLat + (<usize>r << 3)) * sinHalfPhi0;
        const latTerm = s * s;
        const cosProd = cosPhi0 * load<f64>(cLat + (<usize>r << 3));
        if (latTerm + cosProd * load<f64>(colTerm + (<usize>kc << 3)) > aMax) {
          kL = kR = -1;
          continue;
        }
        if (kL < 0) kL = kR = kc;
        if (latTerm + cosProd * load<f64>(colTerm + (<usize>kL << 3)) <= aMax) {
          while (kL > 0 && latTerm + cosProd * load<f64>(colTerm + (<usize>(kL - 1) << 3)) <= aMax) kL--;
        } else {
          do kL++;
          while (latTerm + cosProd * load<f64>(colTerm + (<usize>kL << 3)) > aMax);
        }
        if (latTerm + cosProd * load<f64>(colTerm + (<usize>kR << 3)) <= aMax) {
          while (kR < nc - 1 && latTerm + cosProd * load<f64>(colTerm + (<usize>(kR + 1) << 3)) <= aMax) kR++;
        } else {
          do kR--;
          while (latTerm + cosProd * load<f64>(colTerm + (<usize>kR << 3)) > aMax);
        }
        const start = (r - wr0) * ww + (c0 - wc0) + kL;
        const end = start + (kR - kL);
        const before = sum;
        for (let p = start; p <= end; p++) {
          const v = <f64>load<f32>(values + (<usize>p << 2));
          sum += v;
          lit += <i32>(v > threshold);
        }
        if (sum == sum) valid += end - start + 1;
        else {
          sum = before;
          for (let p = start; p <= end; p++) {
            const v = <f64>load<f32>(values + (<usize>p << 2));
            if (v == v) {
              sum += v;
              valid++;
            }
          }
        }
      }
    }
    const i = <usize>load<u32>(order + (<usize>o << 2));
    store<f64>(outSum + (i << 3), sum);
    store<u32>(outValid + (i << 2), <u32>valid);
    store<u32>(outLit + (i << 2), <u32>lit);
  }
}
