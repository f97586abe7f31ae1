import { launch } from '../test/e2e/browser';
const b = await launch();
const page = await b.newPage();
await page.goto('about:blank');
const r = await page.evaluate(async () => {
  const src = `onmessage = (e) => { const n = 72960; const out = { clone: [], transfer: [], alloc: [] }; for (let i = 0; i < 5; i++) { let t0 = performance.now(); const o = {}; for (let k = 0; k < 12; k++) o['a' + k] = new Float64Array(n).fill(k); out.alloc.push(performance.now() - t0); t0 = performance.now(); postMessage(o); out.clone.push(performance.now() - t0); t0 = performance.now(); postMessage(o, Object.values(o).map((a) => a.buffer)); out.transfer.push(performance.now() - t0); } postMessage({ out }); };`;
  const w = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
  return await new Promise((res) => { w.onmessage = (e) => { if (e.data.out) res(e.data.out); }; w.postMessage(1); });
});
console.log(JSON.stringify(r));
await b.close();
