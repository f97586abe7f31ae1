/**
 * The Canvas2D export rasteriser against hand-computed references: a recording 2D context (Node
 * has no canvas) captures every fill, stroke and image band, and the expected pixel positions are
 * Web Mercator of the input coordinates (mercator.ts, itself checked against maplibre), the
 * colours deck.gl's RGBA × layer opacity, the widths deck's units.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BitmapLayer, GeoJsonLayer, IconLayer, LineLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import type { FeatureCollection } from 'geojson';
import { fitBounds, pixelsPerMetre, project } from './mercator';
import { cssColour, rasteriseLayers, unsupportedLayers } from './rasterise';

type Op = { op: string; style?: string; width?: number; pts?: number[][]; args?: unknown[]; alpha?: number };

class RecPath {
  pts: number[][] = [];
  moveTo(x: number, y: number) { this.pts.push([x, y]); }
  lineTo(x: number, y: number) { this.pts.push([x, y]); }
  closePath() {}
}

function recorder() {
  const ops: Op[] = [];
  let cur: number[][] = [];
  const ctx = {
    fillStyle: '', strokeStyle: '', lineWidth: 1, globalAlpha: 1, font: '', textAlign: 'left', textBaseline: 'alphabetic', lineJoin: '', lineCap: '', imageSmoothingEnabled: true,
    save() {}, restore() {}, setTransform() {},
    fillRect(...args: number[]) { ops.push({ op: 'fillRect', style: this.fillStyle, args }); },
    beginPath() { cur = []; },
    arc(x: number, y: number, r: number) { cur = [[x, y, r]]; },
    moveTo(x: number, y: number) { cur.push([x, y]); },
    lineTo(x: number, y: number) { cur.push([x, y]); },
    fill(p?: RecPath) { ops.push({ op: 'fill', style: this.fillStyle, pts: p ? p.pts : cur }); },
    stroke(p?: RecPath) { ops.push({ op: 'stroke', style: this.strokeStyle, width: this.lineWidth, pts: p ? p.pts : cur }); },
    fillText(t: string, x: number, y: number) { ops.push({ op: 'fillText', style: this.fillStyle, args: [t, x, y, this.font, this.textAlign, this.textBaseline] }); },
    strokeText(t: string, x: number, y: number) { ops.push({ op: 'strokeText', style: this.strokeStyle, width: this.lineWidth, args: [t, x, y] }); },
    drawImage(...args: unknown[]) { ops.push({ op: 'drawImage', args: args.slice(1), alpha: this.globalAlpha }); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, ops };
}

beforeAll(() => {
  (globalThis as unknown as { Path2D: unknown }).Path2D = RecPath;
});

const VIEW = fitBounds([97.3, 5.6, 105.7, 20.5], 1280, 720, 30);
const square: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '10' }, geometry: { type: 'Polygon', coordinates: [[[100, 13], [101, 13], [101, 14], [100, 14], [100, 13]]] } },
    { type: 'Feature', properties: { code: '50' }, geometry: { type: 'Polygon', coordinates: [[[98, 18], [99, 18], [99, 19], [98, 18]]] } },
  ],
};

describe('rasteriseLayers', () => {
  it('fills polygons with their accessor colour × opacity at their Mercator pixels, then strokes in pixel units', () => {
    const { ctx, ops } = recorder();
    const layer = new GeoJsonLayer({
      id: 'fill', data: square, filled: true, stroked: true, opacity: 0.5, lineWidthUnits: 'pixels',
      getFillColor: (f: { properties: { code: string } }) => (f.properties.code === '10' ? [255, 0, 0, 230] : [0, 0, 255, 255]),
      getLineColor: [0, 0, 0, 255], getLineWidth: 3,
    } as never);
    rasteriseLayers(ctx, VIEW, [layer], '#abcdef');
    expect(ops[0]).toEqual({ op: 'fillRect', style: '#abcdef', args: [0, 0, 1280, 720] });
    const fills = ops.filter((o) => o.op === 'fill');
    expect(fills.map((f) => f.style)).toEqual([`rgba(255,0,0,${Math.round((230 / 255) * 0.5 * 1000) / 1000})`, 'rgba(0,0,255,0.5)']);
    const [x0, y0] = project(VIEW, 100, 13), [x1, y1] = project(VIEW, 101, 14);
    expect(fills[0].pts![0]).toEqual([x0, y0]);
    expect(fills[0].pts![2]).toEqual([x1, y1]);
    const strokes = ops.filter((o) => o.op === 'stroke');
    expect(strokes.length).toBe(2);
    expect(strokes.every((s) => s.width === 3 && s.style === 'rgba(0,0,0,0.5)')).toBe(true);
    // deck.gl order: all fills, then all outlines.
    expect(ops.findIndex((o) => o.op === 'stroke')).toBeGreaterThan(ops.map((o) => o.op).lastIndexOf('fill'));
  });

  it('skips invisible layers, zero widths and fully transparent colours; metre widths scale with zoom', () => {
    const { ctx, ops } = recorder();
    rasteriseLayers(ctx, VIEW, [
      new GeoJsonLayer({ id: 'hidden', data: square, visible: false, getFillColor: [1, 2, 3, 255] }),
      new GeoJsonLayer({ id: 'clear', data: square, stroked: false, getFillColor: [9, 9, 9, 0] }),
      new GeoJsonLayer({ id: 'metres', data: square, filled: false, getLineWidth: 1000, getLineColor: [0, 0, 0, 255] }),
    ], '#fff');
    const drawn = ops.filter((o) => o.op !== 'fillRect');
    expect(drawn.every((o) => o.op === 'stroke')).toBe(true);
    expect(drawn[0].width).toBeCloseTo(1000 * pixelsPerMetre(VIEW, 13.05), 1);
  });

  it('draws scatter points as circles of radius r (pixels) with the stroke centred on it, culling those outside', () => {
    const { ctx, ops } = recorder();
    const pts = [[100.5, 13.75, 4], [150, 13, 4]];
    rasteriseLayers(ctx, VIEW, [new ScatterplotLayer<number[]>({
      id: 'pts', data: pts, radiusUnits: 'pixels', stroked: true, lineWidthUnits: 'pixels',
      getPosition: (p) => [p[0], p[1]], getRadius: (p) => p[2], getFillColor: [10, 20, 30, 255], getLineColor: [1, 1, 1, 255], getLineWidth: 2,
    })], '#fff');
    const fill = ops.filter((o) => o.op === 'fill');
    expect(fill.length).toBe(1);
    const [x, y] = project(VIEW, 100.5, 13.75);
    expect(fill[0].pts).toEqual([[x, y, 4]]);
    expect(ops.find((o) => o.op === 'stroke')!.width).toBe(2);
  });

  it('draws lines and SDF text with deck.gl’s outline width', () => {
    const { ctx, ops } = recorder();
    rasteriseLayers(ctx, VIEW, [
      new LineLayer<number>({ id: 'l', data: [0], getSourcePosition: () => [100, 13], getTargetPosition: () => [101, 14], getColor: [5, 5, 5, 255], getWidth: 3 }),
      new TextLayer<number>({ id: 't', data: [0], getPosition: () => [100, 13], getText: () => '3', getSize: 26, sizeUnits: 'pixels', getColor: [0, 0, 0, 255], fontFamily: 'Noto Sans Thai', fontWeight: 600, fontSettings: { sdf: true, fontSize: 64, buffer: 6 }, outlineWidth: 6, outlineColor: [255, 255, 255, 255] }),
    ], '#fff');
    const line = ops.find((o) => o.op === 'stroke')!;
    expect(line.pts).toEqual([project(VIEW, 100, 13), project(VIEW, 101, 14)]);
    expect(line.width).toBe(3);
    const [x, y] = project(VIEW, 100, 13);
    expect(ops.find((o) => o.op === 'fillText')!.args).toEqual(['3', x, y, '600 26px Noto Sans Thai', 'center', 'middle']);
    // 0.75 × outlineWidth atlas px beyond the glyph at 64 px, scaled to 26 px; stroke width is twice that.
    expect(ops.find((o) => o.op === 'strokeText')!.width).toBeCloseTo(2 * 0.75 * 6 * (26 / 64), 9);
  });

  it('draws a lon/lat bitmap row by row into its Mercator bands', () => {
    const { ctx, ops } = recorder();
    const image = { width: 2, height: 3, data: new Uint8ClampedArray(2 * 3 * 4).fill(200) };
    const draws: unknown[][] = [];
    (globalThis as unknown as { OffscreenCanvas: unknown }).OffscreenCanvas = class { width: number; height: number; constructor(w: number, h: number) { this.width = w; this.height = h; } getContext() { return { putImageData() {} }; } };
    (globalThis as unknown as { ImageData: unknown }).ImageData = class { constructor(public data: Uint8ClampedArray, public width: number, public height: number) {} };
    rasteriseLayers(ctx, VIEW, [new BitmapLayer({ id: 'b', bounds: [98, 6, 104, 21], image: image as never, opacity: 0.6, _imageCoordinateSystem: COORDINATE_SYSTEM.LNGLAT })], '#fff');
    for (const o of ops) if (o.op === 'drawImage') draws.push(o.args!);
    expect(draws.length).toBe(3);
    const yOf = (lat: number) => project(VIEW, 98, lat)[1];
    // Row 1 spans latitudes 16 → 11 (equal latitude steps), placed at their Mercator y.
    const [, sy, , , dx, dy, dw, dh] = draws[1] as number[];
    expect(sy).toBe(1);
    expect(dx).toBeCloseTo(project(VIEW, 98, 0)[0], 9);
    expect(dw).toBeCloseTo(project(VIEW, 104, 0)[0] - dx, 9);
    expect(dy).toBeCloseTo(yOf(16), 9);
    expect(dy + dh).toBeCloseTo(yOf(11), 9);
    expect(ops.find((o) => o.op === 'drawImage')!.alpha).toBe(0.6);
  });

  it('names visible layers it cannot draw (the caller falls back to WebGL) and refuses to draw them', () => {
    const icons = new IconLayer({ id: 'icons', data: [] });
    const hidden = new IconLayer({ id: 'hidden-icons', data: [], visible: false });
    expect(unsupportedLayers([new GeoJsonLayer({ id: 'ok', data: square }), icons, hidden])).toEqual(['icons (IconLayer)']);
    expect(() => rasteriseLayers(recorder().ctx, VIEW, [icons], '#fff')).toThrow(/icons/);
  });

  it('cssColour: alpha 0–255 × opacity, opaque by default, null when invisible', () => {
    expect(cssColour([1, 2, 3])).toBe('rgba(1,2,3,1)');
    expect(cssColour([1, 2, 3, 51], 0.5)).toBe('rgba(1,2,3,0.1)');
    expect(cssColour([1, 2, 3, 0])).toBeNull();
  });
});
