/**
 * Small-multiple maps (issue 10): one maplibre map + deck.gl overlay per compared area, and the
 * briefing and export maps. Each instance uses the app's offline style (style.ts) and the pure
 * fill factory (layers/areaLayers.ts) with the same classes for every instance, so one legend
 * serves them all; class numerals are drawn on the areas (briefing: never colour alone) and
 * outlines can be thick for projectors. Zoom is synchronised within a ZoomGroup: zooming one map
 * zooms the others by the same amount relative to their own fitted view.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { Map as MapLibreMap, type StyleSpecification } from 'maplibre-gl';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import bbox from '@turf/bbox';
import pointOnFeature from '@turf/point-on-feature';
import type { Feature, FeatureCollection } from 'geojson';
import { classOf } from '../domain/classify';
import { areaFillLayer, type Classed } from './layers/areaLayers';
import { SEA_COLOUR } from './style';
import { LAYER_SOURCES } from './layerSources';
import { fitBounds } from './mercator';
import { rasteriseLayers, unsupportedLayers } from './rasterise';

export interface AreaMapView {
  /** 'TH', a province (2 digits) or a district (4 digits). */
  code: string;
  /** The level drawn as the choropleth. */
  features: FeatureCollection;
  classed: Classed;
  provinces?: FeatureCollection;
  districts?: FeatureCollection;
  /** Class numerals (1 = lowest) on the areas of `code`. */
  labels?: boolean;
  /** Projector strokes: thicker boundaries and area outline. */
  thick?: boolean;
  /**
   * The app's map mode ('need', 'targeting', 'hotspots', 'progress'). Other modes than 'need' are
   * drawn by the same registered layer sources as the main map (map/layerSources.ts), read from
   * the stores the slide's view was applied to, so screen, briefing and export agree.
   */
  mode?: string;
  /** Feature layers (lights, services) from the layer sources as well; default true. */
  featureLayers?: boolean;
}

const THAILAND: [number, number, number, number] = [97.3, 5.6, 105.7, 20.5];
/**
 * The small maps draw land, fills and outlines with deck.gl on the main thread; maplibre keeps
 * only the background (no sources), so they never wait behind the main map's GeoJSON tiling in
 * maplibre's shared worker (on 2 cores that queue took tens of seconds).
 */
const MINI_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': SEA_COLOUR } }] };

const labelPoints = new WeakMap<FeatureCollection, { code: string; position: [number, number] }[]>();
function pointsOf(fc: FeatureCollection) {
  let p = labelPoints.get(fc);
  if (!p) {
    p = fc.features.map((f) => ({ code: String(f.properties?.code), position: pointOnFeature(f).geometry.coordinates as [number, number] }));
    labelPoints.set(fc, p);
  }
  return p;
}

function inArea(code: string, area: string): boolean {
  return area === 'TH' || code.startsWith(area);
}


export function viewBounds(v: AreaMapView): [number, number, number, number] {
  if (v.code === 'TH') return THAILAND;
  const own = v.features.features.filter((f) => inArea(String(f.properties?.code), v.code));
  const fromProvince = v.provinces?.features.filter((f) => String(f.properties?.code) === v.code) ?? [];
  const fc: FeatureCollection = { type: 'FeatureCollection', features: own.length ? own : fromProvince };
  return fc.features.length ? (bbox(fc) as [number, number, number, number]) : THAILAND;
}


const container = (m: MapLibreMap) => m.getContainer();

/** The outline of the view's own area (a province or district; none for the country). */
function ownFeatures(v: AreaMapView): Feature[] {
  return v.code === 'TH' ? [] : ((v.code.length === 2 ? v.provinces : v.districts)?.features.filter((f: Feature) => String(f.properties?.code) === v.code) ?? []);
}

/** Padding of the fitted view (CSS px): 30, less on small maps. */
const fitPadding = (width: number, height: number) => Math.min(30, Math.floor(Math.min(width, height) / 12));

/**
 * Interleaving hints (beforeId) name layers of the app's full style; the small maps' bare style
 * has none of them, so their layers go to the last group (drawn in the order given here).
 */
function detached(l: Layer): Layer {
  return (l.props as { beforeId?: string }).beforeId ? l.clone({ beforeId: undefined } as object) : l;
}

/**
 * The layers of one small map: land, the area fills of the view's map mode, feature layers
 * (lights under the boundary lines, services and highlights over them), boundary lines, the
 * area's outline and class numerals. The need fills of both levels are always in the list (the
 * unused one invisible) so deck.gl keeps each one's tessellation across slides: a slide switch
 * between the country and a province only recolours.
 */
export function buildAreaMapLayers(v: AreaMapView, zoom: number, own: Feature[]): Layer[] {
  const mode = v.mode ?? 'need';
  const layers: Layer[] = [];
  if (v.provinces) layers.push(new GeoJsonLayer({ id: 'mini-land', data: v.provinces, filled: true, stroked: false, getFillColor: [244, 241, 234, 255] }));
  // Neighbours are filled, faded, as on the app's map (dimOutside); the area itself at full strength.
  const focus = v.code === 'TH' ? null : v.code;
  const fillLevel = v.features === v.provinces ? 'province' : 'district';
  for (const level of ['province', 'district'] as const) {
    const fc = level === fillLevel ? v.features : level === 'province' ? v.provinces : v.districts;
    if (!fc) continue;
    const fill = areaFillLayer(`mini-fill-${level}`, fc, v.classed, focus, 1);
    layers.push(fill.clone({ beforeId: undefined, visible: mode === 'need' && level === fillLevel, pickable: false } as object));
  }
  // Sources below order 10 are map modes (targeting, hot spots, progress: they draw only in their mode).
  const sources = LAYER_SOURCES.filter((src) => v.featureLayers !== false || src.order < 10);
  const built = sources.map((src) => ({ order: src.order, layers: src.build(zoom).map(detached) }));
  // The lights raster shows its national image here (no tiles to wait for in an export).
  const fixTiles = (l: Layer) => ((l.props as { tilesFromZoom?: number }).tilesFromZoom !== undefined ? l.clone({ tilesFromZoom: 99 } as object) : l);
  layers.push(...built.filter((b) => b.order < 60).flatMap((b) => b.layers.map(fixTiles)));
  if (v.code !== 'TH' && v.districts) {
    layers.push(new GeoJsonLayer({ id: 'mini-district-lines', data: v.districts, filled: false, stroked: true, lineWidthUnits: 'pixels', getLineWidth: v.thick ? 1.6 : 0.8, getLineColor: [70, 70, 70, 200] }));
  }
  if (v.provinces) {
    layers.push(new GeoJsonLayer({ id: 'mini-province-lines', data: v.provinces, filled: false, stroked: true, lineWidthUnits: 'pixels', getLineWidth: v.thick ? 3 : 1.4, getLineColor: [26, 26, 26, 255] }));
  }
  layers.push(...built.filter((b) => b.order >= 60).flatMap((b) => b.layers));
  if (own.length) {
    layers.push(new GeoJsonLayer({ id: 'mini-own', data: { type: 'FeatureCollection', features: own } as FeatureCollection, filled: false, stroked: true, lineWidthUnits: 'pixels', getLineWidth: v.thick ? 6 : 3.5, getLineColor: [0, 0, 0, 255], updateTriggers: { getLineWidth: v.code } }));
  }
  if (v.labels && mode === 'need') {
    const pts = pointsOf(v.features).filter((p) => inArea(p.code, v.code));
    const cls = (code: string) => {
      const i = v.classed.position.get(code);
      return i === undefined ? -1 : classOf(v.classed.values[i], v.classed.breaks);
    };
    layers.push(new TextLayer<{ code: string; position: [number, number] }>({
      id: 'mini-labels',
      data: pts.filter((p) => cls(p.code) >= 0),
      getPosition: (p) => p.position,
      getText: (p) => String(cls(p.code) + 1),
      getSize: v.thick ? 26 : 18,
      sizeUnits: 'pixels',
      getColor: [0, 0, 0, 255],
      fontFamily: 'Noto Sans Thai, sans-serif',
      fontWeight: 600,
      fontSettings: { sdf: true, fontSize: 64, buffer: 6 },
      outlineWidth: 6,
      outlineColor: [255, 255, 255, 255],
      characterSet: '0123456789',
      // Stable ids: a new slide diffs the layers' data instead of building new layers and models.
      updateTriggers: { getText: v.classed.version, getPosition: v.code },
    }));
  }
  return layers;
}

export class ZoomGroup {
  members = new Set<AreaMap>();
  /** Zoom relative to each map's fitted view, shared by the group. */
  delta = 0;
  apply(from: AreaMap): void {
    this.delta = from.map.getZoom() - from.fitZoom;
    for (const m of this.members) {
      if (m === from) continue;
      m.syncing = true;
      m.map.jumpTo({ zoom: m.fitZoom + this.delta });
      m.syncing = false;
    }
  }
}

export class AreaMap {
  readonly map: MapLibreMap;
  private overlay: MapLibreOverlay;
  private loaded: Promise<void>;
  fitZoom = 5;
  private group: ZoomGroup | null = null;
  /** True while the map is moved by code (fitting, following the group), not by the user. */
  syncing = false;

  constructor(container: HTMLElement, opts: { interactive?: boolean; antialias?: boolean } = {}) {
    this.map = new MapLibreMap({
      container,
      style: MINI_STYLE,
      bounds: THAILAND,
      attributionControl: false,
      interactive: opts.interactive ?? true,
      canvasContextAttributes: { preserveDrawingBuffer: true, antialias: opts.antialias ?? true },
      dragRotate: false,
      pitchWithRotate: false,
      fadeDuration: 0,
    });
    this.overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    this.map.addControl(this.overlay);
    this.loaded = new Promise((resolve) => this.map.once('load', () => resolve()));
    // Zoom relative to the fitted view, for tests and for anyone reading the page.
    this.map.on('zoomend', () => { container.dataset.zoomDelta = (this.map.getZoom() - this.fitZoom).toFixed(2); });
    this.map.on('zoom', (e) => {
      // Every zoom step the user makes (wheel animations end without an originalEvent), not ours.
      void e;
      if (this.group && !this.syncing) this.group.apply(this);
    });
  }

  join(group: ZoomGroup | null): void {
    this.group?.members.delete(this);
    this.group = group;
    group?.members.add(this);
  }

  /** Draw `v` and fit its area; resolves once the map is idle with the layers drawn. */
  async show(v: AreaMapView): Promise<void> {
    await this.loaded;
    const m = this.map;
    // The container may have just been shown or resized (a briefing slot, a grid change). Only
    // then: maplibre's resize() reallocates the drawing buffer even at the same size, which with
    // software WebGL (SwiftShader) took seconds per slide (issue 15 §4, profiled).
    const box = m.getContainer().getBoundingClientRect(), cv = m.getCanvas();
    if (Math.abs(box.width - parseFloat(cv.style.width)) > 0.5 || Math.abs(box.height - parseFloat(cv.style.height)) > 0.5) m.resize();
    const own = ownFeatures(v);
    // Fit first: the feature sources build for the zoom the map will show (services by zoom).
    const [w, s, e, n] = viewBounds(v);
    const pad = fitPadding(m.getContainer().clientWidth, m.getContainer().clientHeight);
    this.syncing = true;
    m.fitBounds([[w, s], [e, n]], { padding: pad, duration: 0 });
    this.fitZoom = m.getZoom();
    if (this.group && this.group.delta) m.jumpTo({ zoom: this.fitZoom + this.group.delta });
    this.syncing = false;
    const layers = buildAreaMapLayers(v, m.getZoom(), own);
    this.overlay.setProps({ layers });
    container(m).dataset.mode = v.mode ?? 'need';
    // What this map draws, for tests and for anyone reading the page: the visible deck layer ids.
    container(m).dataset.layers = layers.filter((l) => (l.props as { visible?: boolean }).visible !== false).map((l) => l.id).join(' ');
    await this.idle();
  }
  /** Resolves on the next 'idle' after a repaint (the layers drawn and nothing pending). */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.map.once('idle', () => resolve());
      this.map.triggerRepaint();
    });
  }

  canvas(): HTMLCanvasElement {
    return this.map.getCanvas();
  }

  remove(): void {
    this.join(null);
    this.map.remove();
  }
}

/** A React shell for one AreaMap; `data-ready="1"` on its element once the view is drawn. */
export function MiniMap({ view, group, testId, className, onReady, style }: { view: AreaMapView | null; group?: ZoomGroup; testId?: string; className?: string; onReady?: (el: HTMLElement) => void; style?: CSSProperties }) {
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const el = useRef<HTMLDivElement>(null);
  const inst = useRef<AreaMap | null>(null);
  useEffect(() => {
    const m = new AreaMap(el.current!);
    inst.current = m;
    return () => {
      inst.current = null;
      m.remove();
    };
  }, []);
  useEffect(() => {
    inst.current?.join(group ?? null);
  }, [group]);
  useEffect(() => {
    const m = inst.current;
    const div = el.current;
    if (!m || !div || !view) return;
    let live = true;
    div.dataset.ready = '0';
    div.dataset.code = view.code;
    m.show(view).then(() => {
      if (!live) return;
      div.dataset.ready = '1';
      readyRef.current?.(div);
    }, () => undefined);
    return () => {
      live = false;
    };
  }, [view]);
  return <div ref={el} className={className ?? 'mini-map'} data-testid={testId} data-drawn="webgl" style={style} />;
}

/**
 * Hidden maps for exports, one per image size (a deck has one or two: the full map, compare
 * cells), each keeping its WebGL context and its drawing buffer: resizing one map between sizes
 * reallocated the buffer per slide. At most 3 sizes are kept (the oldest is removed).
 */
const offscreen = new Map<string, { map: AreaMap; el: HTMLDivElement }>();
let queue: Promise<unknown> = Promise.resolve();

function offscreenMap(width: number, height: number): { map: AreaMap; el: HTMLDivElement } {
  const key = `${width}x${height}`;
  let o = offscreen.get(key);
  if (o) {
    offscreen.delete(key);
    offscreen.set(key, o); // most recently used last
    return o;
  }
  if (offscreen.size >= 3) {
    const [oldKey, old] = offscreen.entries().next().value!;
    old.map.remove();
    old.el.remove();
    offscreen.delete(oldKey);
  }
  const el = document.createElement('div');
  el.setAttribute('aria-hidden', 'true');
  el.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;opacity:0;pointer-events:none;z-index:-1;`;
  document.body.appendChild(el);
  o = { map: new AreaMap(el, { interactive: false }), el };
  offscreen.set(key, o);
  return o;
}

/** A CPU-backed 2D canvas (software WebGL makes GPU-backed 2D canvases slow to read and encode). */
export function cpuCanvas(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return { canvas, ctx: canvas.getContext('2d', { willReadFrequently: true })! };
}

/**
 * One export image of `v` at `width × height` CSS px without WebGL: the layers the WebGL map
 * would get (buildAreaMapLayers, same zoom as its fitBounds) drawn by the Canvas2D rasteriser
 * (rasterise.ts). Null when a visible layer is of a type the rasteriser cannot draw: the caller
 * then renders that view through the WebGL map, so no layer is dropped.
 */
export function rasteriseView(v: AreaMapView, width: number, height: number, pixelRatio = 1): HTMLCanvasElement | null {
  const { canvas } = cpuCanvas(Math.round(width * pixelRatio), Math.round(height * pixelRatio));
  return rasteriseInto(canvas, v, width, height, pixelRatio) ? canvas : null;
}

/**
 * Draws `v` on `canvas` (resized to `width × height` CSS px at `pixelRatio`) with the Canvas2D
 * rasteriser; returns the ids of the visible layers drawn, or null when one of them is of a type
 * the rasteriser cannot draw (the canvas is then left as it was).
 */
function rasteriseInto(canvas: HTMLCanvasElement, v: AreaMapView, width: number, height: number, pixelRatio: number): string[] | null {
  const cam = fitBounds(viewBounds(v), width, height, fitPadding(width, height));
  const layers = buildAreaMapLayers(v, cam.zoom, ownFeatures(v));
  if (unsupportedLayers(layers).length) return null;
  const w = Math.round(width * pixelRatio), h = Math.round(height * pixelRatio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  try {
    rasteriseLayers(ctx, cam, layers, SEA_COLOUR, pixelRatio);
  } catch (e) {
    console.warn('map still: WebGL fallback', e);
    return null;
  }
  return layers.filter((l) => (l.props as { visible?: boolean }).visible !== false).map((l) => l.id);
}

/**
 * A briefing map (issue 15 §4: slide switch ≤ 300 ms): each slide's view is drawn as a still by
 * the Canvas2D rasteriser — the same layers (buildAreaMapLayers), fit and colours as the WebGL
 * map and the exported image — in tens of milliseconds, where a software-WebGL frame of a
 * projector-sized map took one to two seconds per slide (bench, SwiftShader on 2 cores). The
 * interactive WebGL map (MiniMap) comes up only when the speaker presses or wheels on the map
 * (that first gesture activates it), or when a visible layer is of a type the rasteriser cannot
 * draw; it gives way to a still again when the slide shows another area or map mode.
 * The element carries `data-ready`, `data-drawn` (canvas2d | webgl), `data-layers`, `data-mode`
 * and `data-draw-ms`, for tests and for anyone reading the page.
 */
/** Inline, so maplibre's own `.maplibregl-map { position: relative }` cannot undo it. */
const FILL = { position: 'absolute', inset: 0, width: '100%', height: '100%', display: 'block' } as const;

export function StillMap({ view, group, testId, className }: { view: AreaMapView | null; group?: ZoomGroup; testId?: string; className?: string }) {
  const el = useRef<HTMLDivElement>(null);
  const cv = useRef<HTMLCanvasElement>(null);
  // The view the WebGL map was brought up for (press, wheel or an undrawable layer); null: a still.
  const [liveFor, setLiveFor] = useState<string | null>(null);
  const [size, setSize] = useState<[number, number] | null>(null);
  const key = view ? `${view.code}|${view.mode ?? 'need'}` : '';
  const live = liveFor !== null && liveFor === key;
  useLayoutEffect(() => {
    const div = el.current!;
    const measure = () => {
      const r = div.getBoundingClientRect();
      setSize((s) => (s && Math.abs(s[0] - r.width) < 0.5 && Math.abs(s[1] - r.height) < 0.5 ? s : [r.width, r.height]));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(div);
    return () => ro.disconnect();
  }, []);
  // Drawn in the layout effect: the new slide's still is on the first frame that shows the slide.
  useLayoutEffect(() => {
    const div = el.current, canvas = cv.current;
    if (div && live) div.dataset.ready = '0'; // the WebGL map says when it has drawn (onLive)
    if (live || !div || !canvas || !view || !size || size[0] < 2 || size[1] < 2) return;
    const t0 = performance.now();
    const ids = rasteriseInto(canvas, view, size[0], size[1], window.devicePixelRatio || 1);
    if (!ids) {
      setLiveFor(key);
      return;
    }
    div.dataset.drawn = 'canvas2d';
    div.dataset.code = view.code;
    div.dataset.mode = view.mode ?? 'need';
    div.dataset.layers = ids.join(' ');
    div.dataset.drawMs = (performance.now() - t0).toFixed(0);
    div.dataset.ready = '1';
  }, [view, size, live, key]);
  const wake = () => { if (view && !live) setLiveFor(key); };
  const onLive = (inner: HTMLElement) => {
    const div = el.current;
    if (!div) return;
    div.dataset.drawn = 'webgl';
    div.dataset.code = inner.dataset.code ?? '';
    div.dataset.mode = inner.dataset.mode ?? '';
    div.dataset.layers = inner.dataset.layers ?? '';
    div.dataset.ready = '1';
  };
  return (
    <div ref={el} className={className ?? 'mini-map'} data-testid={testId} onPointerDown={wake} onWheel={wake}>
      {live ? <MiniMap view={view} group={group} className="still-live" onReady={onLive} style={FILL} /> : <canvas ref={cv} className="still-canvas" style={FILL} />}
    </div>
  );
}

/** How many export images each path drew since the page loaded (window.__cheepaoRenderPaths, read by the e2e). */
export const renderPathCounts = { canvas2d: 0, webgl: 0 };
if (typeof window !== 'undefined') (window as unknown as { __cheepaoRenderPaths: typeof renderPathCounts }).__cheepaoRenderPaths = renderPathCounts;

/**
 * Renders views at `width × height` CSS px and returns one canvas per view: the Canvas2D
 * rasteriser when it can draw every layer, otherwise a hidden WebGL map of that size (one
 * context per size, reused for every export) and a copy of its drawn frame. Calls are serialised.
 */
export function renderMapImages(views: AreaMapView[], width: number, height: number): Promise<HTMLCanvasElement[]> {
  const run = async () => {
    const out: HTMLCanvasElement[] = [];
    const ratio = typeof window !== 'undefined' ? window.devicePixelRatio || 1 : 1;
    for (const v of views) {
      const drawn = rasteriseView(v, width, height, ratio);
      if (drawn) {
        out.push(drawn);
        renderPathCounts.canvas2d++;
        continue;
      }
      const o = offscreenMap(width, height);
      await o.map.show(v);
      const src = o.map.canvas();
      const { canvas, ctx } = cpuCanvas(src.width, src.height);
      ctx.drawImage(src, 0, 0);
      out.push(canvas);
      renderPathCounts.webgl++;
    }
    return out;
  };
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}
