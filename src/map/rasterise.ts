/**
 * A Canvas2D rasteriser for the export maps (issue 15 §4): draws the SAME deck.gl layer
 * instances the briefing's WebGL maps get (buildAreaMapLayers in MiniMap.tsx and the registered
 * layer sources) — their data, accessors, visibility, opacity and units — in Web Mercator
 * (mercator.ts, checked against maplibre's own camera) on a CPU canvas. With software WebGL
 * (SwiftShader) each 1280 × 720 GL frame plus its readback cost seconds per slide; paths on a
 * CPU canvas cost tens of milliseconds, and no pixel has to leave a GPU.
 *
 * Only layer types whose drawing is listed here are rasterised: GeoJsonLayer (polygons, lines),
 * ScatterplotLayer, LineLayer, TextLayer, BitmapLayer (lon/lat image) and the lights'
 * NtlRasterLayer national image. `supported()` says whether every visible layer is one of them;
 * the caller renders the view through the WebGL map otherwise, so no layer is ever dropped.
 */
import { COORDINATE_SYSTEM, type Layer } from '@deck.gl/core';
import { centreLatitude, pixelsPerMetre, project, worldPx, type MercatorView } from './mercator';

type Rgba = readonly number[];
type Accessor<T> = T | ((o: unknown, info: { index: number; data: unknown; target: unknown[] }) => T);
type Props = Record<string, unknown> & { id: string; visible?: boolean; opacity?: number };

/** The deck.gl class name of a layer (static layerName, kept by the production build). */
const kind = (l: Layer): string => (l.constructor as unknown as { layerName?: string }).layerName ?? '';

const DRAWN = new Set(['GeoJsonLayer', 'ScatterplotLayer', 'LineLayer', 'TextLayer', 'BitmapLayer', 'NtlRasterLayer']);

const visible = (l: Layer) => (l.props as Props).visible !== false;

/** Layers of a type this file cannot draw (visible ones only); empty when the whole view can be rasterised. */
export function unsupportedLayers(layers: readonly Layer[]): string[] {
  return layers.filter((l) => visible(l) && !DRAWN.has(kind(l))).map((l) => `${l.id} (${kind(l) || 'unknown'})`);
}

function accessor<T>(a: Accessor<T>): (o: unknown, i: number, data: unknown) => T {
  if (typeof a === 'function') {
    const f = a as (o: unknown, info: { index: number; data: unknown; target: unknown[] }) => T;
    const target: unknown[] = [];
    return (o, index, data) => f(o, { index, data, target });
  }
  return () => a;
}

/** CSS colour of a deck RGBA (alpha 0–255, default opaque) times the layer opacity; null when fully transparent. */
export function cssColour(c: Rgba | undefined | null, opacity = 1): string | null {
  if (!c) return null;
  const a = ((c.length > 3 ? c[3] : 255) / 255) * opacity;
  if (a <= 0) return null;
  return `rgba(${c[0]},${c[1]},${c[2]},${Math.round(a * 1000) / 1000})`;
}

/** Objects of a layer's data (arrays, typed arrays, a FeatureCollection), with their index. */
function objects(data: unknown): unknown[] {
  if (!data) return [];
  if (Array.isArray(data)) return data;
  if (ArrayBuffer.isView(data)) return Array.from(data as unknown as ArrayLike<number>);
  const fc = data as { features?: unknown[] };
  if (Array.isArray(fc.features)) return fc.features;
  throw new Error('rasterise: unsupported data');
}

/** Width in CSS px for deck's width units ('pixels', 'meters' (default), 'common'). */
function widthPx(v: MercatorView, w: number, units: unknown, scale: number, minPx: number, maxPx: number): number {
  const base = units === 'pixels' ? w : units === 'common' ? w * (worldPx(v) / 512) : w * pixelsPerMetre(v, centreLatitude(v));
  return Math.min(maxPx, Math.max(minPx, base * scale));
}

function ringPath(v: MercatorView, path: Path2D, ring: number[][], close: boolean): void {
  for (let k = 0; k < ring.length; k++) {
    const [x, y] = project(v, ring[k][0], ring[k][1]);
    if (k === 0) path.moveTo(x, y);
    else path.lineTo(x, y);
  }
  if (close) path.closePath();
}

interface Geo { polygons: number[][][][]; lines: number[][][]; points: number[][] }

function flatten(g: { type: string; coordinates?: unknown; geometries?: unknown[] } | null | undefined, out: Geo): void {
  if (!g) return;
  switch (g.type) {
    case 'Polygon': out.polygons.push(g.coordinates as number[][][]); break;
    case 'MultiPolygon': out.polygons.push(...(g.coordinates as number[][][][])); break;
    case 'LineString': out.lines.push(g.coordinates as number[][]); break;
    case 'MultiLineString': out.lines.push(...(g.coordinates as number[][][])); break;
    case 'Point': out.points.push(g.coordinates as number[]); break;
    case 'MultiPoint': out.points.push(...(g.coordinates as number[][])); break;
    case 'GeometryCollection': for (const x of g.geometries ?? []) flatten(x as never, out); break;
    default: throw new Error(`rasterise: geometry ${g.type}`);
  }
}

/**
 * The path of a feature's geometry, cached per feature and view: a layer's fill and the
 * boundary lines of the same features (land, fills, lines of a level) reuse one path.
 */
class PathCache {
  private byFeature = new WeakMap<object, { polys: Path2D | null; lines: Path2D | null; points: number[][] }>();
  constructor(private v: MercatorView) {}
  of(f: { geometry?: unknown }): { polys: Path2D | null; lines: Path2D | null; points: number[][] } {
    let p = this.byFeature.get(f);
    if (!p) {
      const g: Geo = { polygons: [], lines: [], points: [] };
      flatten(f.geometry as never, g);
      let polys: Path2D | null = null, lines: Path2D | null = null;
      if (g.polygons.length) {
        polys = new Path2D();
        for (const poly of g.polygons) for (const ring of poly) ringPath(this.v, polys, ring, true);
      }
      if (g.lines.length) {
        lines = new Path2D();
        for (const l of g.lines) ringPath(this.v, lines, l, false);
      }
      p = { polys, lines, points: g.points };
      this.byFeature.set(f, p);
    }
    return p;
  }
}

function drawGeoJson(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props, paths: PathCache): void {
  const opacity = (p.opacity as number) ?? 1;
  const feats = objects(p.data) as { geometry?: unknown }[];
  const fill = accessor<Rgba>(p.getFillColor as Accessor<Rgba>);
  const line = accessor<Rgba>(p.getLineColor as Accessor<Rgba>);
  const lw = accessor<number>(p.getLineWidth as Accessor<number>);
  const radius = accessor<number>(p.getPointRadius as Accessor<number>);
  const lineArgs = [p.lineWidthUnits, (p.lineWidthScale as number) ?? 1, (p.lineWidthMinPixels as number) ?? 0, (p.lineWidthMaxPixels as number) ?? Number.MAX_SAFE_INTEGER] as const;
  const filled = p.filled !== false, stroked = p.stroked !== false;
  // deck.gl draws a GeoJsonLayer as sub-layers: all fills, then all strokes (polygon outlines and lines), then points.
  if (filled) {
    feats.forEach((f, i) => {
      const path = paths.of(f).polys;
      if (!path) return;
      const c = cssColour(fill(f, i, p.data), opacity);
      if (!c) return;
      ctx.fillStyle = c;
      ctx.fill(path, 'evenodd');
    });
  }
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  feats.forEach((f, i) => {
    const g = paths.of(f);
    // Polygon outlines only when stroked; LineStrings are always drawn (deck's PathLayer sub-layer).
    const targets = [stroked ? g.polys : null, g.lines].filter((x): x is Path2D => x !== null);
    if (!targets.length) return;
    const w = widthPx(v, lw(f, i, p.data), ...lineArgs);
    const c = cssColour(line(f, i, p.data), opacity);
    if (!c || w <= 0) return;
    ctx.strokeStyle = c;
    ctx.lineWidth = w;
    for (const t of targets) ctx.stroke(t);
  });
  if (p.pointType !== undefined && !String(p.pointType).includes('circle') && feats.some((f) => paths.of(f).points.length)) throw new Error(`rasterise: ${p.id} pointType ${p.pointType}`);
  feats.forEach((f, i) => {
    for (const pt of paths.of(f).points) {
      const r = widthPx(v, radius(f, i, p.data), p.pointRadiusUnits, (p.pointRadiusScale as number) ?? 1, (p.pointRadiusMinPixels as number) ?? 0, (p.pointRadiusMaxPixels as number) ?? Number.MAX_SAFE_INTEGER);
      circle(ctx, project(v, pt[0], pt[1]), r, filled ? cssColour(fill(f, i, p.data), opacity) : null, stroked ? cssColour(line(f, i, p.data), opacity) : null, stroked ? widthPx(v, lw(f, i, p.data), ...lineArgs) : 0);
    }
  });
}

function circle(ctx: CanvasRenderingContext2D, [x, y]: [number, number], r: number, fill: string | null, stroke: string | null, lineWidth: number): void {
  if (r <= 0) return;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  if (fill) { ctx.fillStyle = fill; ctx.fill(); }
  if (stroke && lineWidth > 0) { ctx.strokeStyle = stroke; ctx.lineWidth = lineWidth; ctx.stroke(); }
}

function drawScatter(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props): void {
  const opacity = (p.opacity as number) ?? 1;
  const pos = accessor<number[]>(p.getPosition as Accessor<number[]>);
  const rad = accessor<number>(p.getRadius as Accessor<number>);
  const fill = accessor<Rgba>(p.getFillColor as Accessor<Rgba>);
  const line = accessor<Rgba>(p.getLineColor as Accessor<Rgba>);
  const lw = accessor<number>(p.getLineWidth as Accessor<number>);
  const filled = p.filled !== false, stroked = p.stroked === true;
  const w = v.width, h = v.height;
  objects(p.data).forEach((o, i) => {
    const [lon, lat] = pos(o, i, p.data);
    const xy = project(v, lon, lat);
    const r = widthPx(v, rad(o, i, p.data), p.radiusUnits, (p.radiusScale as number) ?? 1, (p.radiusMinPixels as number) ?? 0, (p.radiusMaxPixels as number) ?? Number.MAX_SAFE_INTEGER);
    const sw = stroked ? widthPx(v, lw(o, i, p.data), p.lineWidthUnits, (p.lineWidthScale as number) ?? 1, (p.lineWidthMinPixels as number) ?? 0, (p.lineWidthMaxPixels as number) ?? Number.MAX_SAFE_INTEGER) : 0;
    // deck.gl centres the stroke on the radius (the outer edge is r + width / 2).
    if (xy[0] + r + sw < 0 || xy[1] + r + sw < 0 || xy[0] - r - sw > w || xy[1] - r - sw > h) return;
    circle(ctx, xy, r, filled ? cssColour(fill(o, i, p.data), opacity) : null, stroked ? cssColour(line(o, i, p.data), opacity) : null, sw);
  });
}

function drawLines(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props): void {
  const opacity = (p.opacity as number) ?? 1;
  const src = accessor<number[]>(p.getSourcePosition as Accessor<number[]>);
  const dst = accessor<number[]>(p.getTargetPosition as Accessor<number[]>);
  const col = accessor<Rgba>(p.getColor as Accessor<Rgba>);
  const wid = accessor<number>(p.getWidth as Accessor<number>);
  ctx.lineCap = 'butt';
  objects(p.data).forEach((o, i) => {
    const c = cssColour(col(o, i, p.data), opacity);
    const w = widthPx(v, wid(o, i, p.data), p.widthUnits ?? 'pixels', (p.widthScale as number) ?? 1, (p.widthMinPixels as number) ?? 0, (p.widthMaxPixels as number) ?? Number.MAX_SAFE_INTEGER);
    if (!c || w <= 0) return;
    const a = src(o, i, p.data), b = dst(o, i, p.data);
    const [x0, y0] = project(v, a[0], a[1]), [x1, y1] = project(v, b[0], b[1]);
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.strokeStyle = c;
    ctx.lineWidth = w;
    ctx.stroke();
  });
}

const ANCHOR: Record<string, CanvasTextAlign> = { start: 'left', middle: 'center', end: 'right' };
const BASELINE: Record<string, CanvasTextBaseline> = { top: 'top', center: 'middle', bottom: 'bottom' };

function drawText(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props): void {
  if (p.sizeUnits !== undefined && p.sizeUnits !== 'pixels') throw new Error(`rasterise: ${p.id} sizeUnits ${p.sizeUnits}`);
  const opacity = (p.opacity as number) ?? 1;
  const pos = accessor<number[]>(p.getPosition as Accessor<number[]>);
  const text = accessor<string>(p.getText as Accessor<string>);
  const size = accessor<number>(p.getSize as Accessor<number>);
  const col = accessor<Rgba>(p.getColor as Accessor<Rgba>);
  const anchor = accessor<string>(p.getTextAnchor as Accessor<string>);
  const base = accessor<string>(p.getAlignmentBaseline as Accessor<string>);
  const fs = (p.fontSettings as { fontSize?: number; sdf?: boolean }) ?? {};
  // deck.gl's SDF outline: outlineWidth / radius of the glyph's distance field (buffer 0.75 =
  // the edge), i.e. 0.75 · outlineWidth atlas px beyond the glyph, scaled from the atlas font size.
  const outlineAtlasPx = fs.sdf && p.outlineWidth ? 0.75 * (p.outlineWidth as number) : 0;
  const outline = cssColour(p.outlineColor as Rgba, opacity);
  const scale = (p.sizeScale as number) ?? 1;
  objects(p.data).forEach((o, i) => {
    const t = String(text(o, i, p.data) ?? '');
    const c = cssColour(col(o, i, p.data), opacity);
    if (!t || !c) return;
    const s = size(o, i, p.data) * scale;
    const [lon, lat] = pos(o, i, p.data);
    const [x, y] = project(v, lon, lat);
    ctx.font = `${p.fontWeight ?? 'normal'} ${s}px ${p.fontFamily ?? 'Monaco, monospace'}`;
    ctx.textAlign = ANCHOR[anchor(o, i, p.data)] ?? 'center';
    ctx.textBaseline = BASELINE[base(o, i, p.data)] ?? 'middle';
    if (outlineAtlasPx && outline) {
      ctx.lineJoin = 'round';
      ctx.strokeStyle = outline;
      ctx.lineWidth = 2 * outlineAtlasPx * (s / (fs.fontSize ?? 64));
      ctx.strokeText(t, x, y);
    }
    ctx.fillStyle = c;
    ctx.fillText(t, x, y);
  });
  ctx.textAlign = 'left';
  ctx.textBaseline = 'alphabetic';
}

type ImageLike = { width: number; height: number; data: Uint8ClampedArray } | ImageData | HTMLCanvasElement | ImageBitmap | HTMLImageElement;
const imageCanvases = new WeakMap<object, HTMLCanvasElement | OffscreenCanvas>();

function asDrawable(img: ImageLike): CanvasImageSource {
  if (!(img as ImageData).data) return img as CanvasImageSource;
  let c = imageCanvases.get(img);
  if (!c) {
    const id = img instanceof ImageData ? img : new ImageData((img as ImageData).data as Uint8ClampedArray<ArrayBuffer>, img.width, img.height);
    c = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(img.width, img.height) : Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
    (c.getContext('2d') as CanvasRenderingContext2D).putImageData(id, 0, 0);
    imageCanvases.set(img, c);
  }
  return c as CanvasImageSource;
}

/**
 * A lon/lat image (BitmapLayer with _imageCoordinateSystem LNGLAT, nearest sampling): rows are
 * equal steps of latitude, so each source row is drawn to its own Mercator band — a single
 * stretched image would misplace rows by kilometres over Thailand's 15° (ntlLayer.ts).
 */
function drawLngLatImage(ctx: CanvasRenderingContext2D, v: MercatorView, img: ImageLike, bounds: number[], opacity: number): void {
  const [w, s, e, n] = bounds.length === 4 ? bounds : [0, 0, 0, 0];
  const src = asDrawable(img);
  const [x0] = project(v, w, n), [x1] = project(v, e, n);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.globalAlpha = opacity;
  const rows = img.height;
  let yPrev = project(v, w, n)[1];
  for (let r = 0; r < rows; r++) {
    const yNext = project(v, w, n - ((r + 1) / rows) * (n - s))[1];
    if (yNext > 0 && yPrev < v.height) ctx.drawImage(src, 0, r, img.width, 1, x0, yPrev, x1 - x0, yNext - yPrev);
    yPrev = yNext;
  }
  ctx.restore();
}

function drawBitmap(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props): void {
  const bounds = p.bounds as number[];
  if (!Array.isArray(bounds) || bounds.length !== 4 || typeof bounds[0] !== 'number') throw new Error(`rasterise: ${p.id} bounds`);
  if (!p.image || typeof p.image === 'string') throw new Error(`rasterise: ${p.id} image not loaded`);
  if (p._imageCoordinateSystem !== COORDINATE_SYSTEM.LNGLAT) throw new Error(`rasterise: ${p.id} image not in lon/lat`);
  drawLngLatImage(ctx, v, p.image as ImageLike, bounds, (p.opacity as number) ?? 1);
}

/** The lights layer: its national image (exports never wait for tiles: MiniMap sets tilesFromZoom 99). */
function drawNtl(ctx: CanvasRenderingContext2D, v: MercatorView, p: Props): void {
  if ((p.tilesFromZoom as number) <= v.zoom) throw new Error(`rasterise: ${p.id} would draw tiles`);
  const nat = p.national as { image: ImageLike; bounds: number[] };
  drawLngLatImage(ctx, v, nat.image, nat.bounds, (p.opacity as number) ?? 1);
}

/**
 * Draws `layers` in order over a background colour on `ctx` (CSS px = canvas px × `pixelRatio`).
 * Throws when a visible layer cannot be drawn (check unsupportedLayers first).
 */
export function rasteriseLayers(ctx: CanvasRenderingContext2D, v: MercatorView, layers: readonly Layer[], background: string, pixelRatio = 1): void {
  const bad = unsupportedLayers(layers);
  if (bad.length) throw new Error(`rasterise: cannot draw ${bad.join(', ')}`);
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.fillStyle = background;
  ctx.fillRect(0, 0, v.width, v.height);
  const paths = new PathCache(v);
  for (const l of layers) {
    if (!visible(l)) continue;
    const p = l.props as Props;
    if ((p.opacity ?? 1) <= 0) continue;
    switch (kind(l)) {
      case 'GeoJsonLayer': drawGeoJson(ctx, v, p, paths); break;
      case 'ScatterplotLayer': drawScatter(ctx, v, p); break;
      case 'LineLayer': drawLines(ctx, v, p); break;
      case 'TextLayer': drawText(ctx, v, p); break;
      case 'BitmapLayer': drawBitmap(ctx, v, p); break;
      case 'NtlRasterLayer': drawNtl(ctx, v, p); break;
    }
  }
  ctx.restore();
}
