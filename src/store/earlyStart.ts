/**
 * The first code the page runs (src/main.tsx, a small entry chunk): the compute worker starts and
 * opens the demo while the app chunk (React, maplibre-gl, deck.gl: ~2.3 MB) still downloads and
 * evaluates. A dedicated worker needs tasks on the page's main thread to start; the app chunk's
 * evaluation, the first React render and the map's WebGL context then hold that thread for about
 * a second, so a worker created from the app chunk began only at ~2.5 s (CDP trace of the first
 * map, issue 16 item 3). Nothing here imports React, maplibre or deck.gl.
 */
import { wrap, type Remote } from 'comlink';
import type { ComputeApi, InitResult } from '../worker/compute.worker';
import { parseUrlView } from './url';
import { readManifest } from '../data/dataset';
import { readerOf } from '../data/workspace/storage';
import { readDisplayBoundaries } from './displayBoundaries';
import type { AppState } from './store';

// No document in Node (unit tests import actions.ts, which imports this file).
export const DEMO_BASE = typeof document === 'undefined' ? '' : new URL('demo/', document.baseURI).href;

let worker: Remote<ComputeApi> | null = null;

export function computeWorker(): Remote<ComputeApi> {
  if (!worker) {
    worker = wrap<ComputeApi>(new Worker(new URL('../worker/compute.worker.ts', import.meta.url), { type: 'module' }));
  }
  return worker;
}

let demoInit: Promise<InitResult> | null = null;
let early: { id: string; p: Promise<InitResult> } | null = null;

/** The opening of stored workspace `id` started by startEarly (once), or null. */
export function earlyActivation(id: string): Promise<InitResult> | null {
  if (early?.id !== id) return null;
  const p = early.p;
  early = null;
  return p;
}
let demoPolygons: Promise<AppState['boundaries']> | null = null;

/**
 * Start the worker, and open the demo in it when the URL shows the demo (a URL naming a stored
 * workspace opens that one first: boot.ts). Called once, before the app chunk is imported.
 */
export function startEarly(): void {
  computeWorker();
  const ws = parseUrlView(location.search).workspace;
  if (ws && ws !== 'demo') {
    // A stored workspace (a reload): the worker reads and opens it from IndexedDB while the app
    // chunk evaluates, instead of being asked only from boot.ts (~0.6 s later, issue 16 item 2).
    const w = computeWorker();
    const p = w.registerDemo(DEMO_BASE).then(() => w.activate(ws));
    p.catch(() => undefined);
    early = { id: ws, p };
  }
  if (!ws || ws === 'demo') {
    demoInit = computeWorker().init(DEMO_BASE);
    // Handled where it is taken (boot.ts); this only keeps an early failure from being "unhandled".
    demoInit.catch(() => undefined);
    // The page's own copy of the demo outlines (deck.gl fills them), fetched and parsed meanwhile.
    demoPolygons = readDemoPolygons();
    demoPolygons.catch(() => undefined);
  }
}

/** The demo opening started by startEarly (once), or a new one. */
export function demoInitResult(): Promise<InitResult> {
  const p = demoInit ?? computeWorker().init(DEMO_BASE);
  demoInit = null;
  return p;
}

function readDemoPolygons(): Promise<AppState['boundaries']> {
  const ref = { id: 'demo', baseUrl: DEMO_BASE };
  return readManifest(readerOf(ref)).then((m) => readDisplayBoundaries(ref, m.files, true));
}

/** The demo outlines read by startEarly (once), or a new read. */
export function demoPolygonsResult(): Promise<AppState['boundaries']> {
  const p = demoPolygons ?? readDemoPolygons();
  demoPolygons = null;
  return p;
}
