// Bundled Thai font: the app must render Thai offline and independent of the OS (DESIGN.md §5).
import '@fontsource/noto-sans-thai/400.css';
import '@fontsource/noto-sans-thai/600.css';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/styles.css';
import { startEarly } from './store/earlyStart';

// The entry chunk is small: the compute worker starts (and opens the demo) while the app chunk
// downloads and evaluates (earlyStart.ts); the marks are read by scripts/bench/app.ts.
performance.mark('cheepao:entry');
startEarly();
// The Thai web font's faces are fetched now, not when React's first layout meets their text
// (~0.6 s later): that layout then uses them, and the page is not laid out and painted again
// when they arrive (a second raster of every text in software WebGL). Thai and Latin subsets,
// regular and semibold (the weights styles.css uses); a failure leaves the fallback fonts.
for (const weight of [400, 600]) void document.fonts?.load(`${weight} 16px "Noto Sans Thai"`, 'ชี้เป้า Cheepao').catch(() => undefined);
import('./app/start').catch((e: Error) => {
  // A failed chunk load (a server gone, a stale cache) must not leave a blank page without a word.
  const root = document.getElementById('root');
  if (root) root.textContent = `ชี้เป้าโหลดไม่สำเร็จ · Cheepao failed to load: ${e.message}`;
});
