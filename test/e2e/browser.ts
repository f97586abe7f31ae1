/**
 * Headless Debian chromium through playwright-core, with the flags STACK.md found necessary on
 * this machine (software WebGL via SwiftShader, no background networking).
 * playwright gives each launch a fresh temporary profile (the --user-data-dir STACK.md asks for). Every request the
 * page makes is recorded so tests can assert that nothing left 127.0.0.1.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A browser whose profile (IndexedDB included) lives in `userDataDir` across launches. */
export async function launchPersistent(userDataDir: string, viewport = { width: 1280, height: 800 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport, deviceScaleFactor: 1 });
}

export interface PageSession {
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

export async function openPage(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<PageSession> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(url);
  return { page, requests, consoleErrors };
}

/** Waits until the app says the map is idle with its layers drawn. */
export async function waitForMap(page: Page, timeoutMs = 120_000): Promise<number> {
  const t0 = Date.now();
  await page.waitForFunction(() => document.body.dataset.mapReady === '1', undefined, { timeout: timeoutMs, polling: 100 });
  return Date.now() - t0;
}

/** Requests that went anywhere but the local server (data:, blob: are in-page). */
export function externalRequests(requests: string[], base: string): string[] {
  return requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

export interface PixelStats {
  width: number;
  height: number;
  /** Pixels that differ from the sea background colour. */
  notSea: number;
  /** Pixels within ±12 per channel of each requested colour. */
  matches: number[];
  /** Distinct colours (quantised to 4 bits per channel) among not-sea pixels. */
  distinctColours: number;
}

/**
 * Reads the map's WebGL canvas back (the map is created with preserveDrawingBuffer, STACK.md
 * pitfall 6) and counts pixels in the page, returning only numbers.
 */
export async function mapPixelStats(page: Page, colours: [number, number, number][] = []): Promise<PixelStats> {
  return page.evaluate(({ colours }) => {
    const src = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    const sea = [0xdf, 0xe8, 0xee];
    let notSea = 0;
    const matches = colours.map(() => 0);
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      const r = d[i], g = d[i + 1], b = d[i + 2];
      if (Math.abs(r - sea[0]) + Math.abs(g - sea[1]) + Math.abs(b - sea[2]) > 6) {
        notSea++;
        seen.add(((r >> 4) << 8) | ((g >> 4) << 4) | (b >> 4));
      }
      colours.forEach((col, k) => {
        if (Math.abs(r - col[0]) <= 12 && Math.abs(g - col[1]) <= 12 && Math.abs(b - col[2]) <= 12) matches[k]++;
      });
    }
    return { width: c.width, height: c.height, notSea, matches, distinctColours: seen.size };
  }, { colours });
}

/** RGB of the map pixel at a geographic position (through the map's own projection). */
export async function pixelAt(page: Page, lon: number, lat: number): Promise<[number, number, number]> {
  return page.evaluate(({ lon, lat }) => {
    const map = (window as unknown as { __cheepaoMap: { project: (p: [number, number]) => { x: number; y: number } } }).__cheepaoMap;
    const src = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement;
    const p = map.project([lon, lat]);
    const ratio = src.width / src.clientWidth;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const d = ctx.getImageData(Math.round(p.x * ratio), Math.round(p.y * ratio), 1, 1).data;
    return [d[0], d[1], d[2]] as [number, number, number];
  }, { lon, lat });
}

/** Keeps a copy of the map canvas in the page under `name` (for before/after comparisons). */
export async function snapshotMap(page: Page, name: string): Promise<void> {
  await page.evaluate((name) => {
    const src = document.querySelector('[data-testid=map] canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = src.width;
    c.height = src.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(src, 0, 0);
    const w = window as unknown as { __snapshots?: Record<string, Uint8ClampedArray> };
    (w.__snapshots ??= {})[name] = ctx.getImageData(0, 0, c.width, c.height).data;
  }, name);
}

/** Number of pixels whose colour differs by more than `tolerance` (sum over RGB) between two snapshots. */
export async function changedPixels(page: Page, a: string, b: string, tolerance = 30): Promise<number> {
  return page.evaluate(({ a, b, tolerance }) => {
    const s = (window as unknown as { __snapshots: Record<string, Uint8ClampedArray> }).__snapshots;
    const x = s[a], y = s[b];
    let n = 0;
    for (let i = 0; i < x.length; i += 4) if (Math.abs(x[i] - y[i]) + Math.abs(x[i + 1] - y[i + 1]) + Math.abs(x[i + 2] - y[i + 2]) > tolerance) n++;
    return n;
  }, { a, b, tolerance });
}
