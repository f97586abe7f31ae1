/**
 * The 1920 × 1080 export frame (issue 10 §5, issue 15): map image(s), title, legend, key numbers
 * and a footer with sources, data years and measure settings. Drawn on a 2D canvas in the page
 * with the bundled Noto Sans Thai, so Thai shapes exactly as on screen; the footer is also
 * written into the PNG as iTXt text (pngText.ts) so it can be read back without OCR.
 *
 * Text is placed by its measured extent, never by `textBaseline = 'top'`: Thai stacks vowels and
 * tone marks above the em box (ที่สำรวจ: ี + ่ over ท, ำ's nikhahit) and below it (ุ ู), so a line
 * at y = 0 with a 'top' baseline loses the tops of its marks. Each line's box is the larger of
 * the font's ascent/descent and the string's actual ink (TextMetrics), plus a padding, and
 * every text image keeps a blank margin at its edges.
 */
import { addPngText } from './pngText';
import { encodePng, toBase64 } from './pngEncode';

export const FRAME_W = 1920;
export const FRAME_H = 1080;
/**
 * Where the map goes: 16:9, the same picture the PowerPoint slide shows in its body area, so the
 * map is rendered once per slide at this size (CSS px = frame px).
 */
export const MAP_BOX = { x: 40, y: 150, w: 1280, h: 720 };
/** Blank margin around every text image (px), so no ink touches an image edge. */
export const TEXT_PAD = 12;

export interface FrameNumber { label: string; value: string; detail?: string }
export interface FrameLegend {
  title: string;
  rows: { colour: string; label: string; klass: number }[];
  noData: string;
  /** Class numerals in the swatches (the need map draws them on the areas too). */
  numbered?: boolean;
  noDataColour?: string;
  /** Lines under the rows (feature layers drawn over the map: lights, services; outlines). */
  notes?: string[];
}
export interface Frame {
  title: string;
  subtitle: string;
  numbers: FrameNumber[];
  legend: FrameLegend;
  footer: string[];
  /** One image per map (compare slides have 2–4), with an optional caption each. */
  maps: { image: CanvasImageSource & { width: number; height: number }; caption?: string; colour?: string }[];
  /** Bottom-right tag, e.g. "2 / 5". */
  pageTag?: string;
}

const FONT = '"Noto Sans Thai", "Loma", sans-serif';
/**
 * Export canvases are CPU-backed: with software WebGL a GPU-backed 2D canvas is rasterised by
 * SwiftShader and read back for toBlob, which took seconds per image (issue 15 §4, profiled).
 */
const CPU: CanvasRenderingContext2DSettings = { willReadFrequently: true };
const INK = '#000000';

/** Wait for the bundled Thai font (both weights) before drawing text on a canvas. */
export async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await Promise.all([document.fonts.load(`400 32px ${FONT}`, 'ก'), document.fonts.load(`600 32px ${FONT}`, 'ก')]).catch(() => undefined);
}

/** Vertical extent of `text` in the current font: the font's ascent/descent or the ink, whichever is larger. */
export function textExtent(ctx: CanvasRenderingContext2D, text: string): { ascent: number; descent: number; width: number } {
  const m = ctx.measureText(text);
  // fontBoundingBox* is the font's own line box (Noto Sans Thai's includes stacked marks);
  // actualBoundingBox* the string's ink — a fallback font may draw taller marks than its box.
  const ascent = Math.ceil(Math.max(m.fontBoundingBoxAscent || 0, m.actualBoundingBoxAscent || 0));
  const descent = Math.ceil(Math.max(m.fontBoundingBoxDescent || 0, m.actualBoundingBoxDescent || 0));
  return { ascent, descent, width: m.width };
}

/** Draw one line with its box's top at `top`; returns the bottom of the box. */
export function drawLine(ctx: CanvasRenderingContext2D, text: string, x: number, top: number): number {
  const e = textExtent(ctx, text);
  const base = ctx.textBaseline;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, x, top + e.ascent);
  ctx.textBaseline = base;
  return top + e.ascent + e.descent;
}

function fitText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number, size: number, weight: number, min = 18): number {
  let s = size;
  for (; s > min; s -= 2) {
    ctx.font = `${weight} ${s}px ${FONT}`;
    if (ctx.measureText(text).width <= maxWidth) break;
  }
  ctx.font = `${weight} ${s}px ${FONT}`;
  return s;
}

/** Greedy line breaking at spaces (characters when a word is wider than the line). */
export function wrapText(ctx: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (ctx.measureText(next).width <= maxWidth) { cur = next; continue; }
    if (cur) lines.push(cur);
    cur = w;
    while (ctx.measureText(cur).width > maxWidth && cur.length > 1) {
      let k = cur.length - 1;
      while (k > 1 && ctx.measureText(cur.slice(0, k)).width > maxWidth) k--;
      lines.push(cur.slice(0, k));
      cur = cur.slice(k);
    }
  }
  if (cur) lines.push(cur);
  return lines;
}

function drawImageContain(ctx: CanvasRenderingContext2D, img: CanvasImageSource & { width: number; height: number }, x: number, y: number, w: number, h: number): void {
  const r = Math.min(w / img.width, h / img.height);
  const dw = img.width * r, dh = img.height * r;
  ctx.drawImage(img, x + (w - dw) / 2, y + (h - dh) / 2, dw, dh);
}

const SWATCH_W = 64, SWATCH_H = 40, ROW_GAP = 10;

/**
 * Legend block at (x, y) within width `w`; returns the y after it. With `draw` false it only
 * measures (the PowerPoint legend picture is sized to its content).
 */
export function drawLegend(ctx: CanvasRenderingContext2D, lg: FrameLegend, x: number, y: number, w: number, draw = true): number {
  ctx.fillStyle = INK;
  fitText(ctx, lg.title, w, 28, 600);
  const titleLines = wrapText(ctx, lg.title, w).slice(0, 2);
  for (const l of titleLines) y = draw ? drawLine(ctx, l, x, y) : y + textExtent(ctx, l).ascent + textExtent(ctx, l).descent;
  y += 10;
  const rows = [...lg.rows.map((r) => ({ ...r, nodata: false })), { colour: lg.noDataColour ?? '#c8c8c8', label: lg.noData, klass: 0, nodata: true }];
  const labelX = x + SWATCH_W + 16, labelW = w - SWATCH_W - 16;
  for (const r of rows) {
    ctx.font = `400 26px ${FONT}`;
    const lines = wrapText(ctx, r.label, labelW).slice(0, 3);
    const ext = lines.map((l) => textExtent(ctx, l));
    const textH = ext.reduce((a, e) => a + e.ascent + e.descent, 0);
    const h = Math.max(SWATCH_H, textH);
    if (draw) {
      ctx.fillStyle = r.colour;
      ctx.fillRect(x + 1.5, y + 1.5, SWATCH_W - 3, SWATCH_H - 3);
      ctx.lineWidth = 3;
      ctx.strokeStyle = INK;
      ctx.strokeRect(x + 1.5, y + 1.5, SWATCH_W - 3, SWATCH_H - 3);
      if (!r.nodata && lg.numbered !== false) {
        ctx.font = `600 26px ${FONT}`;
        ctx.textAlign = 'center';
        ctx.textBaseline = 'middle';
        ctx.lineWidth = 6;
        ctx.strokeStyle = '#ffffff';
        ctx.strokeText(String(r.klass), x + SWATCH_W / 2, y + SWATCH_H / 2);
        ctx.fillStyle = INK;
        ctx.fillText(String(r.klass), x + SWATCH_W / 2, y + SWATCH_H / 2);
        ctx.textAlign = 'left';
        ctx.textBaseline = 'alphabetic';
      }
      ctx.fillStyle = INK;
      ctx.font = `400 26px ${FONT}`;
      let ly = y + Math.max(0, (SWATCH_H - textH) / 2);
      for (const l of lines) ly = drawLine(ctx, l, labelX, ly);
    }
    y += h + ROW_GAP;
  }
  for (const n of lg.notes ?? []) {
    ctx.font = `400 24px ${FONT}`;
    ctx.fillStyle = '#1f1f1f';
    for (const l of wrapText(ctx, n, w).slice(0, 3)) y = draw ? drawLine(ctx, l, x, y) : y + textExtent(ctx, l).ascent + textExtent(ctx, l).descent;
    y += 4;
  }
  return y;
}

/** The legend alone as an image (the PowerPoint legend picture), `w` px wide, with a blank margin. */
export function legendImage(lg: FrameLegend, w = 520): HTMLCanvasElement {
  const c = document.createElement('canvas');
  const probe = c.getContext('2d', CPU)!;
  const h = Math.ceil(drawLegend(probe, lg, TEXT_PAD, TEXT_PAD, w - 2 * TEXT_PAD, false) + TEXT_PAD);
  c.width = w;
  c.height = h;
  const ctx = c.getContext('2d', CPU)!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  drawLegend(ctx, lg, TEXT_PAD, TEXT_PAD, w - 2 * TEXT_PAD);
  return c;
}

const CAPTION_H = 48;

/** The map images in `box`: one, or a row of 2–4 with captions and colour keys, each fitted to its own cell. */
export function drawMaps(ctx: CanvasRenderingContext2D, maps: Frame['maps'], box: { x: number; y: number; w: number; h: number }): void {
  const n = Math.max(1, maps.length);
  const gap = 16;
  const cw = (box.w - gap * (n - 1)) / n;
  maps.forEach((m, i) => {
    const x = box.x + i * (cw + gap);
    const top = m.caption ? box.y + CAPTION_H : box.y;
    const h = box.h - (top - box.y);
    ctx.fillStyle = '#dfe8ee';
    ctx.fillRect(x, top, cw, h);
    drawImageContain(ctx, m.image, x, top, cw, h);
    ctx.lineWidth = 3;
    ctx.strokeStyle = m.colour ?? '#000000';
    ctx.strokeRect(x + 1.5, top + 1.5, cw - 3, h - 3);
    if (m.caption) {
      ctx.fillStyle = INK;
      fitText(ctx, m.caption, cw - 8, 28, 600);
      const e = textExtent(ctx, m.caption);
      // Centred in the caption band above the colour key, with its marks inside the band.
      drawLine(ctx, m.caption, x + 4, box.y + Math.max(2, (CAPTION_H - 7 - e.ascent - e.descent) / 2));
      if (m.colour) {
        ctx.fillStyle = m.colour;
        ctx.fillRect(x, box.y + CAPTION_H - 7, cw, 5);
      }
    }
  });
}

/** Size of each map image for `n` maps in the frame's map box (CSS px). */
export function mapCellSize(n: number): { w: number; h: number } {
  const k = Math.max(1, n);
  return { w: Math.floor((MAP_BOX.w - 16 * (k - 1)) / k), h: k > 1 ? MAP_BOX.h - CAPTION_H : MAP_BOX.h };
}

/** The maps as one 16:9 image (the picture filling a PowerPoint slide's body area). */
export function mapsImage(f: Frame): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = MAP_BOX.w;
  c.height = MAP_BOX.h;
  const ctx = c.getContext('2d', CPU)!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, c.width, c.height);
  drawMaps(ctx, f.maps, { x: 0, y: 0, w: MAP_BOX.w, h: MAP_BOX.h });
  return c;
}

export function drawFrame(f: Frame): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = FRAME_W;
  c.height = FRAME_H;
  const ctx = c.getContext('2d', CPU)!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, FRAME_W, FRAME_H);
  // Title and subtitle.
  ctx.fillStyle = INK;
  fitText(ctx, f.title, FRAME_W - 80, 52, 600, 30);
  let y = drawLine(ctx, f.title, 40, 18);
  ctx.fillStyle = '#1f1f1f';
  fitText(ctx, f.subtitle, FRAME_W - 80, 28, 400);
  y = drawLine(ctx, f.subtitle, 40, y + 2);
  drawMaps(ctx, f.maps, MAP_BOX);
  // Right column: legend, then key numbers.
  const rx = MAP_BOX.x + MAP_BOX.w + 36, rw = FRAME_W - rx - 40;
  y = drawLegend(ctx, f.legend, rx, MAP_BOX.y, rw) + 12;
  const bottom = MAP_BOX.y + MAP_BOX.h;
  for (const k of f.numbers.slice(0, 5)) {
    ctx.font = `400 24px ${FONT}`;
    const need = 100 + (k.detail ? 30 : 0);
    if (y + need > bottom) break;
    ctx.fillStyle = '#1f1f1f';
    fitText(ctx, k.label, rw, 24, 400);
    y = drawLine(ctx, k.label, rx, y);
    ctx.fillStyle = INK;
    fitText(ctx, k.value, rw, 44, 600, 28);
    y = drawLine(ctx, k.value, rx, y - 4);
    if (k.detail) {
      ctx.fillStyle = '#1f1f1f';
      fitText(ctx, k.detail, rw, 22, 400);
      y = drawLine(ctx, k.detail, rx, y - 4);
    }
    y += 8;
  }
  // Footer band.
  const fy = bottom + 12;
  ctx.fillStyle = '#f2f2f2';
  ctx.fillRect(0, fy, FRAME_W, FRAME_H - fy);
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, fy, FRAME_W, 3);
  // Footer lines wrap (a workspace's source can be long); the synthetic notice is always last and bold.
  const fw = FRAME_W - 300;
  let ly = fy + 10;
  const maxY = FRAME_H - TEXT_PAD;
  f.footer.forEach((line, i) => {
    const synthetic = i === f.footer.length - 1 && line.includes('synthetic demonstration data');
    ctx.font = `${synthetic ? 600 : 400} 22px ${FONT}`;
    ctx.fillStyle = synthetic ? '#5a3d00' : INK;
    for (const p of wrapText(ctx, line, fw)) {
      const e = textExtent(ctx, p);
      // The synthetic notice is never dropped: it takes the last line when space runs out.
      if (ly + e.ascent + e.descent > maxY) {
        if (!synthetic) break;
        ly = maxY - e.ascent - e.descent;
      }
      ly = drawLine(ctx, p, 40, ly);
    }
  });
  if (f.pageTag) {
    ctx.fillStyle = INK;
    ctx.font = `600 28px ${FONT}`;
    ctx.textAlign = 'right';
    drawLine(ctx, f.pageTag, FRAME_W - 40, fy + 12);
    ctx.textAlign = 'left';
  }
  return c;
}

/** PNG bytes of a canvas, with the given text entries (title, footer) embedded as iTXt. */
export async function canvasToPng(c: HTMLCanvasElement, text: Record<string, string>): Promise<Uint8Array> {
  return addPngText(canvasPng(c), text);
}

/** PNG bytes of a canvas with our encoder (pngEncode.ts: toBlob was the slowest step of an export). */
export function canvasPng(c: HTMLCanvasElement): Uint8Array {
  const d = c.getContext('2d', CPU)!.getImageData(0, 0, c.width, c.height).data;
  return encodePng(d, c.width, c.height);
}

/** A canvas as a PNG data URL (the PowerPoint pictures). */
export function canvasDataUrl(c: HTMLCanvasElement): string {
  return `data:image/png;base64,${toBase64(canvasPng(c))}`;
}

export function download(data: Blob | Uint8Array, name: string, type: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
