/**
 * Issue 15 §1–3: exports a committee can circulate. One slide per map mode the app offers
 * (poverty, targeting quadrants, hot spots, progress, lights, access) plus a compare slide
 * (`compare=50,58`). Each slide is shown in briefing mode and its map canvas read back; then the
 * deck is exported as PNGs and as PowerPoint, and:
 * - every exported map carries the slide's own legend colours in similar shares to the briefing
 *   screen (the same renderer and map mode, not the poverty map for everything);
 * - the targeting PNG differs from the poverty PNG;
 * - the selected areas (their black outline; province lines on the national map) lie inside the
 *   image with a margin — Chiang Mai whole within its compare panel;
 * - no dark pixel in the first and last pixel rows of any text image (legend pictures, the
 *   compare picture's captions, the PNG frames), so no Thai mark is clipped at an edge;
 * - LibreOffice (`soffice --headless --convert-to pdf`, an independent reader of the .pptx) makes
 *   one page per slide, each page shows its slide's map colours, and the map picture fills most
 *   of the body area.
 * LibreOffice and poppler come from Debian (scripts/ensure-e2e-tools.mjs installs them with
 * Chromium); a missing soffice fails the test, it never skips.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { externalRequests, launch, openPage, waitForMap, type PageSession } from './browser';
import { pngSize } from '../../src/export/pngText';

const base = inject('baseUrl');
let browser: Browser;
let s: PageSession;
const timings: Record<string, number> = {};
const OUT = 'test-results/export';

type RGB = [number, number, number];
interface Box { x: number; y: number; w: number; h: number }
interface RegionStats {
  /** Pixels classed as each palette colour (nearest candidate, see analyse). */
  matches: number[];
  pixels: number;
  /** Bounding box of pure-black pixels (the selected area's outline), relative to the region. */
  black: { n: number; x0: number; y0: number; x1: number; y1: number };
  /** Bounding box of dark pixels (max channel ≤ 48: province lines, outline). */
  dark: { n: number; x0: number; y0: number; x1: number; y1: number };
  /** Bounding box of pixels that are not near-white. */
  ink: { n: number; x0: number; y0: number; x1: number; y1: number };
  /** Dark pixels (r+g+b < 384) in the region's first and last rows. */
  darkTop: number;
  darkBottom: number;
  width: number;
  height: number;
}

/**
 * Pixel statistics of regions of an image — a PNG (base64) or a canvas in the page (selector) —
 * computed in the page (it decodes PNGs natively) and returned as numbers.
 */
async function analyse(page: Page, src: { b64: string } | { selector: string }, regions: (Box | null)[], palette: RGB[]): Promise<RegionStats[]> {
  return page.evaluate(async ({ src, regions, palette }) => {
    let source: CanvasImageSource & { width: number; height: number };
    if ('b64' in src) {
      const img = new Image();
      img.src = `data:image/png;base64,${src.b64}`;
      await img.decode();
      source = img;
    } else source = document.querySelector(src.selector) as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = source.width;
    c.height = source.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    // Fills are drawn with alpha (230/255, neighbours 90/255, brushed a quarter) over the land
    // colour: each pixel is classed by its nearest candidate — a legend colour at one of those
    // strengths over land, or a background colour (land, sea, white, ink) — within a distance of 40.
    const LAND = [244, 241, 234], BG = [LAND, [0xdf, 0xe8, 0xee], [255, 255, 255], [0, 0, 0], [26, 26, 26], [70, 70, 70]];
    const cands: { rgb: number[]; k: number }[] = BG.map((rgb) => ({ rgb, k: 254 }));
    palette.forEach((p, k) => {
      for (const a of [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.35]) cands.push({ rgb: p.map((v, j) => v * a + LAND[j] * (1 - a)), k });
    });
    const cache = new Uint8Array(1 << 18).fill(255);
    return regions.map((r0) => {
      const r = r0 ?? { x: 0, y: 0, w: c.width, h: c.height };
      const d = ctx.getImageData(r.x, r.y, r.w, r.h).data;
      const box = () => ({ n: 0, x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity });
      const black = box(), dark = box(), ink = box();
      const add = (b: ReturnType<typeof box>, x: number, y: number) => { b.n++; if (x < b.x0) b.x0 = x; if (x > b.x1) b.x1 = x; if (y < b.y0) b.y0 = y; if (y > b.y1) b.y1 = y; };
      const matches = palette.map(() => 0);
      let darkTop = 0, darkBottom = 0;
      for (let y = 0; y < r.h; y++) {
        for (let x = 0; x < r.w; x++) {
          const i = (y * r.w + x) * 4;
          const R = d[i], G = d[i + 1], B = d[i + 2];
          const mx = Math.max(R, G, B);
          if (mx <= 12) add(black, x, y);
          if (mx <= 48) add(dark, x, y);
          if (R + G + B < 735) add(ink, x, y);
          if (R + G + B < 384) { if (y === 0) darkTop++; if (y === r.h - 1) darkBottom++; }
          const q = ((R >> 2) << 12) | ((G >> 2) << 6) | (B >> 2);
          let k = cache[q];
          if (k === 255) {
            let best = 40 * 40, bk = 254;
            for (const cd of cands) {
              const dr = R - cd.rgb[0], dg = G - cd.rgb[1], db = B - cd.rgb[2];
              const dd = dr * dr + dg * dg + db * db;
              if (dd < best) { best = dd; bk = cd.k; }
            }
            cache[q] = k = bk;
          }
          if (k < palette.length) matches[k]++;
        }
      }
      return { matches, pixels: r.w * r.h, black, dark, ink, darkTop, darkBottom, width: r.w, height: r.h };
    });
  }, { src, regions, palette });
}

/** Pixels that differ (sum over RGB > 60) between the same region of two PNGs. */
async function differing(page: Page, a: string, b: string, r: Box): Promise<number> {
  return page.evaluate(async ({ a, b, r }) => {
    const read = async (b64: string) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      return ctx.getImageData(r.x, r.y, r.w, r.h).data;
    };
    const [x, y] = await Promise.all([read(a), read(b)]);
    let n = 0;
    for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > 60) n++;
    return n;
  }, { a, b, r });
}

/** Each palette colour's share of the palette-coloured pixels. */
function shares(m: number[]): number[] {
  const t = m.reduce((a, b) => a + b, 0);
  return m.map((x) => (t ? x / t : 0));
}
const l1 = (a: number[], b: number[]) => a.reduce((acc, x, i) => acc + Math.abs(x - b[i]), 0);

/** The export frame's map cells (src/export/png.ts: MAP_BOX 40,150 1280 × 720; 16 px gaps; 48 px captions). */
function frameCells(n: number): Box[] {
  if (n <= 1) return [{ x: 40, y: 150, w: 1280, h: 720 }];
  const cw = (1280 - 16 * (n - 1)) / n;
  return Array.from({ length: n }, (_, i) => ({ x: Math.round(40 + i * (cw + 16)), y: 150 + 48, w: Math.floor(cw), h: 720 - 48 }));
}
/** Inset a box (the cell's own frame stroke is 3 px). */
const inset = (b: Box, k: number): Box => ({ x: b.x + k, y: b.y + k, w: b.w - 2 * k, h: b.h - 2 * k });

const rgbOf = (css: string): RGB => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as RGB;

interface SlideSpec { name: string; query: string; setup?: (p: Page) => Promise<void>; compare?: boolean; province?: boolean }
const SLIDES: SlideSpec[] = [
  { name: 'poverty', query: '' },
  { name: 'targeting', query: '?mode=targeting' },
  { name: 'hotspots', query: '?mode=hotspots' },
  { name: 'progress', query: '?mode=progress' },
  { name: 'lights', query: '?area=50', province: true, setup: async (p) => { await p.locator('[data-testid=ntl-toggle]').waitFor({ timeout: 60_000 }); await p.locator('[data-testid=ntl-toggle]').check(); } },
  { name: 'access', query: '?area=58', province: true, setup: async (p) => { await p.click('[data-testid=tab-access]'); await p.waitForFunction(() => (document.body.dataset.mapLayers ?? '').split(' ').some((id) => id.startsWith('access')), undefined, { timeout: 120_000 }); } },
  { name: 'compare', query: '?compare=50,58', compare: true },
];

interface Shown { palette: RGB[]; maps: RegionStats[]; legendTitle: string }
const shown: Shown[] = [];
const pngs: string[] = [];
let pptxPath = '';

async function briefReady(page: Page, slideIndex: number): Promise<void> {
  await page.waitForFunction((i) => {
    const b = document.querySelector('[data-testid=briefing]') as HTMLElement | null;
    if (!b || b.dataset.applying !== '0' || b.dataset.slide !== String(i)) return false;
    const maps = [...b.querySelectorAll('[data-testid^="brief-map-"]')] as HTMLElement[];
    return maps.length > 0 && maps.every((m) => m.dataset.ready === '1');
  }, slideIndex, { timeout: 170_000, polling: 50 });
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  console.log('export e2e timings (ms):', JSON.stringify(timings));
});

describe('exports of every map mode (issue 15)', () => {
  it('one slide per map mode and a compare slide', async () => {
    s = await openPage(browser, base, { width: 1920, height: 1080 });
    await waitForMap(s.page);
    for (const [i, sl] of SLIDES.entries()) {
      if (i > 0 || sl.query) {
        await s.page.goto(`${base}${sl.query}`);
        await waitForMap(s.page);
      }
      await sl.setup?.(s.page);
      if (sl.compare) {
        await s.page.waitForFunction(() => document.querySelectorAll('[data-testid^="cmp-map-"][data-ready="1"]').length === 2, undefined, { timeout: 120_000 });
        await s.page.click('[data-testid=compare-save-slide]');
        await s.page.click('[data-testid=compare-close]');
        await s.page.click('[data-testid=tab-slides]');
      } else {
        await s.page.click('[data-testid=tab-slides]');
        await expect.poll(() => s.page.locator('[data-testid=slide-list] > li').count()).toBe(i);
        await s.page.click('[data-testid=slide-add]');
      }
      await expect.poll(() => s.page.locator('[data-testid=slide-list] > li').count()).toBe(i + 1);
      await s.page.locator(`[data-testid=slide-title-${i}]`).fill(`${sl.name} · ที่สำรวจ`);
      await s.page.waitForTimeout(300); // the IndexedDB write
    }
  }, 600_000);

  it('briefing: each slide drawn in its own map mode', async () => {
    await s.page.goto(`${base}?brief=1`);
    await waitForMap(s.page);
    for (let i = 0; i < SLIDES.length; i++) {
      const t0 = Date.now();
      if (i > 0) await s.page.keyboard.press('ArrowRight');
      await briefReady(s.page, i);
      timings[`brief-${SLIDES[i].name}`] = Date.now() - t0;
      const palette = await s.page.evaluate(() => [...document.querySelectorAll('[data-testid=brief-legend] li .brief-swatch:not(.nodata)')].map((e) => getComputedStyle(e).backgroundColor));
      const legendTitle = await s.page.locator('[data-testid=brief-legend] .brief-legend-title').innerText();
      const pal = palette.map(rgbOf);
      const n = SLIDES[i].compare ? 2 : 1;
      const maps: RegionStats[] = [];
      for (let k = 0; k < n; k++) maps.push((await analyse(s.page, { selector: `[data-testid=brief-map-${k}] canvas` }, [null], pal))[0]);
      shown.push({ palette: pal, maps, legendTitle });
      await s.page.screenshot({ path: `${OUT}/brief-${i + 1}-${SLIDES[i].name}.png` });
      console.log(`brief ${SLIDES[i].name}: legend "${legendTitle}", palette ${palette.length}, shares ${maps.map((m) => shares(m.matches).map((x) => x.toFixed(2)).join('/')).join(' | ')}`);
      // Each mode's own colours are on its map (several of its legend colours drawn).
      for (const m of maps) expect(m.matches.filter((x) => x > 200).length, SLIDES[i].name).toBeGreaterThanOrEqual(2);
    }
    // The modes' legends differ: the targeting slide is not the poverty map.
    expect(shown[1].legendTitle).not.toBe(shown[0].legendTitle);
    await s.page.keyboard.press('Escape');
    await expect.poll(() => s.page.locator('[data-testid=briefing]').count()).toBe(0);
    // The last slide was the compare view: back to the app's panels.
    if (await s.page.locator('[data-testid=compare-close]').count()) await s.page.click('[data-testid=compare-close]');
  }, 600_000);

  it('PNG of every slide: the slide\'s colours in similar shares, areas inside the image, no clipped text rows', async () => {
    await s.page.click('[data-testid=tab-slides]');
    const downloads: Download[] = [];
    const onDl = (d: Download) => downloads.push(d);
    s.page.on('download', onDl);
    const t0 = Date.now();
    await s.page.click('[data-testid=export-png-all]');
    await expect.poll(() => downloads.length, { timeout: 300_000 }).toBe(SLIDES.length);
    timings.pngAll = Date.now() - t0;
    s.page.off('download', onDl);
    const named = await Promise.all(downloads.map(async (d) => ({ name: d.suggestedFilename(), bytes: readFileSync((await d.path())!) })));
    named.sort((a, b) => a.name.localeCompare(b.name));
    for (const [i, f] of named.entries()) {
      expect(f.name).toBe(`cheepao-slide-${String(i + 1).padStart(2, '0')}.png`);
      expect(pngSize(new Uint8Array(f.bytes))).toEqual({ width: 1920, height: 1080 });
      writeFileSync(`${OUT}/png-${i + 1}-${SLIDES[i].name}.png`, f.bytes);
      pngs.push(f.bytes.toString('base64'));
    }
    for (let i = 0; i < SLIDES.length; i++) {
      const sl = SLIDES[i];
      const cells = frameCells(sl.compare ? 2 : 1).map((c) => inset(c, 6));
      const [frame, ...maps] = await analyse(s.page, { b64: pngs[i] }, [null, ...cells], shown[i].palette);
      // Text rows at the image's edges: nothing dark in the first or last row of the frame.
      expect(frame.darkTop, `${sl.name} row 0`).toBe(0);
      expect(frame.darkBottom, `${sl.name} last row`).toBe(0);
      maps.forEach((m, k) => {
        const a = shares(shown[i].maps[k].matches), b = shares(m.matches);
        const d = l1(a, b);
        console.log(`png ${sl.name}[${k}]: shares ${b.map((x) => x.toFixed(2)).join('/')} (brief ${a.map((x) => x.toFixed(2)).join('/')}), L1 ${d.toFixed(2)}; black bbox ${m.black.n ? `${m.black.x0},${m.black.y0}–${m.black.x1},${m.black.y1} of ${m.width}×${m.height}` : '—'}`);
        // The same legend colours drawn, in similar shares (the exported map is the slide's map mode).
        expect(m.matches.filter((x) => x > 200).length, sl.name).toBeGreaterThanOrEqual(2);
        expect(d, `${sl.name} palette shares`).toBeLessThan(0.5);
        // The selected area whole inside its image: its black outline does not touch the cell's edge.
        const box = sl.province || sl.compare ? m.black : m.dark;
        expect(box.n, `${sl.name} outline pixels`).toBeGreaterThan(300);
        expect(box.x0, `${sl.name} left`).toBeGreaterThan(2);
        expect(box.y0, `${sl.name} top`).toBeGreaterThan(2);
        expect(m.width - 1 - box.x1, `${sl.name} right`).toBeGreaterThan(2);
        expect(m.height - 1 - box.y1, `${sl.name} bottom`).toBeGreaterThan(2);
        // Fitted: the area spans a good part of the image one way or the other.
        expect(Math.max((box.x1 - box.x0) / m.width, (box.y1 - box.y0) / m.height), `${sl.name} fitted`).toBeGreaterThan(0.6);
      });
    }
    // The issue's bug: the targeting PNG was byte-identical to the poverty PNG.
    expect(pngs[1]).not.toBe(pngs[0]);
    const changed = await differing(s.page, pngs[0], pngs[1], frameCells(1)[0]);
    expect(changed, 'targeting vs poverty map pixels').toBeGreaterThan(0.04 * 1280 * 720); // Thailand covers about a quarter of the picture
  }, 600_000);

  it('PowerPoint: one map picture per slide in its mode, legend pictures unclipped', async () => {
    const t0 = Date.now();
    const paths = () => s.page.evaluate(() => ({ ...(window as unknown as { __cheepaoRenderPaths: { canvas2d: number; webgl: number } }).__cheepaoRenderPaths }));
    const before = await paths();
    const [deck] = await Promise.all([s.page.waitForEvent('download', { timeout: 300_000 }), s.page.click('[data-testid=export-pptx]')]);
    // Every map picture of these slides (all map modes, lights, services) came from the Canvas2D
    // rasteriser of the same deck layers (issue 15 §4), none from the WebGL fallback; the colour
    // checks below compare those pictures with the briefing's WebGL maps.
    const after = await paths();
    expect(after.webgl - before.webgl, 'export maps drawn by the WebGL fallback').toBe(0);
    expect(after.canvas2d - before.canvas2d).toBe(SLIDES.length + 1); // the compare slide has two maps
    pptxPath = `${OUT}/deck.pptx`;
    writeFileSync(pptxPath, readFileSync((await deck.path())!));
    timings.pptx = Date.now() - t0;
    const list = execFileSync('unzip', ['-Z1', pptxPath], { encoding: 'utf8' }).split('\n');
    expect(list.filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f)).length).toBe(SLIDES.length);
    // Which picture each slide uses: its relationships name the media files.
    for (let i = 0; i < SLIDES.length; i++) {
      const rels = execFileSync('unzip', ['-p', pptxPath, `ppt/slides/_rels/slide${i + 1}.xml.rels`], { encoding: 'utf8' });
      const media = [...rels.matchAll(/Target="\.\.\/media\/([^"]+\.png)"/g)].map((m) => m[1]);
      expect(media.length, SLIDES[i].name).toBe(2);
      const bytes = media.map((m) => execFileSync('unzip', ['-p', pptxPath, `ppt/media/${m}`]));
      const sizes = bytes.map((b) => pngSize(new Uint8Array(b)));
      const mapK = sizes.findIndex((z) => z.width === 1280 && z.height === 720);
      expect(mapK, `${SLIDES[i].name}: a 16:9 map picture`).toBeGreaterThanOrEqual(0);
      const legend = bytes[1 - mapK];
      writeFileSync(`${OUT}/pptx-${i + 1}-legend.png`, legend);
      const [lg] = await analyse(s.page, { b64: legend.toString('base64') }, [null], []);
      expect(lg.darkTop, `${SLIDES[i].name} legend row 0`).toBe(0);
      expect(lg.darkBottom, `${SLIDES[i].name} legend last row`).toBe(0);
      expect(lg.ink.n, `${SLIDES[i].name} legend has ink`).toBeGreaterThan(1000);
      const n = SLIDES[i].compare ? 2 : 1;
      // The map picture's cells: the frame's cells moved to the picture's origin.
      const cells = frameCells(n).map((c) => inset({ ...c, x: c.x - 40, y: c.y - 150 }, 6));
      const [whole, ...maps] = await analyse(s.page, { b64: bytes[mapK].toString('base64') }, [null, ...cells], shown[i].palette);
      if (SLIDES[i].compare) expect(whole.darkTop, 'compare captions: row 0').toBe(0);
      maps.forEach((m, k) => {
        expect(l1(shares(shown[i].maps[k].matches), shares(m.matches)), `${SLIDES[i].name} pptx palette shares`).toBeLessThan(0.5);
      });
    }
  }, 600_000);

  it('LibreOffice opens the deck: one page per slide, each with its map colours, the map filling the body', async () => {
    expect(existsSync('/usr/bin/soffice'), 'soffice missing: run node scripts/ensure-e2e-tools.mjs').toBe(true);
    expect(pptxPath && existsSync(pptxPath), 'the deck of the previous test').toBeTruthy();
    const work = mkdtempSync(join(tmpdir(), 'cheepao-soffice-'));
    try {
      const t0 = Date.now();
      // Own profile and HOME: parallel runs of soffice would otherwise share (and lock) one.
      execFileSync('soffice', [`-env:UserInstallation=file://${work}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, pptxPath], { env: { ...process.env, HOME: work }, stdio: 'pipe', timeout: 170_000 });
      timings.soffice = Date.now() - t0;
      const pdf = join(work, 'deck.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      expect(Number(info.match(/Pages:\s+(\d+)/)![1])).toBe(SLIDES.length);
      execFileSync('pdftoppm', ['-png', '-r', '96', pdf, join(work, 'page')]);
      const pages = readdirSync(work).filter((f) => /^page-\d+\.png$/.test(f)).sort();
      expect(pages.length).toBe(SLIDES.length);
      for (const [i, p] of pages.entries()) {
        const bytes = readFileSync(join(work, p));
        writeFileSync(`${OUT}/lo-${i + 1}-${SLIDES[i].name}.png`, bytes);
        const { width: W, height: H } = pngSize(new Uint8Array(bytes));
        // The body area (src/export/pptx.ts BODY: 0.35–9.95 in across, 1.3–6.7 in down of 13.333 × 7.5 in),
        // searched with a little room around it.
        const body: Box = { x: 0, y: Math.round(H * 1.2 / 7.5), w: Math.round(W * 10.1 / 13.333), h: Math.round(H * 5.6 / 7.5) };
        const [st] = await analyse(s.page, { b64: bytes.toString('base64') }, [body], shown[i].palette);
        const fillW = (st.ink.x1 - st.ink.x0 + 1) / W, fillH = (st.ink.y1 - st.ink.y0 + 1) / H;
        console.log(`LibreOffice page ${i + 1} (${SLIDES[i].name}): ${W}×${H}, map picture ${(fillW * 100).toFixed(0)} % × ${(fillH * 100).toFixed(0)} % of the slide; palette pixels ${st.matches.join('/')}`);
        expect(fillW, `${SLIDES[i].name} map width`).toBeGreaterThan(0.65);
        expect(fillH, `${SLIDES[i].name} map height`).toBeGreaterThan(0.65);
        expect(st.matches.filter((x) => x > 100).length, `${SLIDES[i].name} map colours on the page`).toBeGreaterThanOrEqual(2);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    expect(externalRequests(s.requests, base)).toEqual([]);
    expect(s.consoleErrors).toEqual([]);
  }, 300_000);
});
