/**
 * The 1920 × 1080 export frame (issue 10 §5): map image(s), title, legend with numbered classes,
 * key numbers and a footer with sources, data years and measure settings. Drawn on a 2D canvas
 * in the page with the bundled Noto Sans Thai, so Thai shapes exactly as on screen; the footer
 * is also written into the PNG as iTXt text (pngText.ts) so it can be read back without OCR.
 */
import { addPngText } from './pngText';

export const FRAME_W = 1920;
export const FRAME_H = 1080;
/** Where the map goes; map images are rendered at this size (CSS px = frame px). */
export const MAP_BOX = { x: 40, y: 150, w: 1180, h: 740 };

export interface FrameNumber { label: string; value: string; detail?: string }
export interface FrameLegend { title: string; rows: { colour: string; label: string; klass: number }[]; noData: string }
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
const INK = '#000000';

/** Wait for the bundled Thai font (both weights) before drawing text on a canvas. */
export async function fontsReady(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await Promise.all([document.fonts.load(`400 32px ${FONT}`, 'ก'), document.fonts.load(`600 32px ${FONT}`, 'ก')]).catch(() => undefined);
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

/** Legend block; returns the y after it. */
export function drawLegend(ctx: CanvasRenderingContext2D, lg: FrameLegend, x: number, y: number, w: number): number {
  ctx.fillStyle = INK;
  ctx.textBaseline = 'top';
  fitText(ctx, lg.title, w, 28, 600);
  ctx.fillText(lg.title, x, y);
  y += 44;
  const rows = [...lg.rows.map((r) => ({ ...r, nodata: false })), { colour: '#c8c8c8', label: lg.noData, klass: 0, nodata: true }];
  for (const r of rows) {
    ctx.fillStyle = r.colour;
    ctx.fillRect(x, y, 64, 40);
    ctx.lineWidth = 3;
    ctx.strokeStyle = INK;
    ctx.strokeRect(x, y, 64, 40);
    if (!r.nodata) {
      ctx.font = `600 28px ${FONT}`;
      ctx.textAlign = 'center';
      ctx.lineWidth = 6;
      ctx.strokeStyle = '#ffffff';
      ctx.strokeText(String(r.klass), x + 32, y + 4);
      ctx.fillStyle = INK;
      ctx.fillText(String(r.klass), x + 32, y + 4);
      ctx.textAlign = 'left';
    }
    ctx.fillStyle = INK;
    ctx.font = `400 28px ${FONT}`;
    ctx.fillText(r.label, x + 80, y + 2);
    y += 50;
  }
  return y;
}

/** The map images in `box`: one, or a row of 2–4 with captions and colour keys. */
export function drawMaps(ctx: CanvasRenderingContext2D, maps: Frame['maps'], box: { x: number; y: number; w: number; h: number }): void {
  const n = Math.max(1, maps.length);
  const gap = 16;
  const cw = (box.w - gap * (n - 1)) / n;
  maps.forEach((m, i) => {
    const x = box.x + i * (cw + gap);
    const top = m.caption ? box.y + 44 : box.y;
    const h = box.h - (top - box.y);
    ctx.fillStyle = '#dfe8ee';
    ctx.fillRect(x, top, cw, h);
    drawImageContain(ctx, m.image, x, top, cw, h);
    ctx.lineWidth = 3;
    ctx.strokeStyle = m.colour ?? '#000000';
    ctx.strokeRect(x + 1.5, top + 1.5, cw - 3, h - 3);
    if (m.caption) {
      ctx.fillStyle = INK;
      ctx.textBaseline = 'top';
      fitText(ctx, m.caption, cw, 30, 600);
      ctx.fillText(m.caption, x, box.y + 4);
      if (m.colour) {
        ctx.fillStyle = m.colour;
        ctx.fillRect(x, box.y + 38, cw, 5);
      }
    }
  });
}

/** Size of each map image for `n` maps in the frame's map box (CSS px). */
export function mapCellSize(n: number): { w: number; h: number } {
  const k = Math.max(1, n);
  return { w: Math.floor((MAP_BOX.w - 16 * (k - 1)) / k), h: k > 1 ? MAP_BOX.h - 44 : MAP_BOX.h };
}

/** The maps with the legend beside them, as one image (the picture on a PowerPoint slide). */
export function mapLegendImage(f: Frame): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = MAP_BOX.w + 560;
  c.height = MAP_BOX.h;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, c.width, c.height);
  drawMaps(ctx, f.maps, { x: 0, y: 0, w: MAP_BOX.w, h: MAP_BOX.h });
  drawLegend(ctx, f.legend, MAP_BOX.w + 30, 0, 520);
  return c;
}

export function drawFrame(f: Frame): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.width = FRAME_W;
  c.height = FRAME_H;
  const ctx = c.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, FRAME_W, FRAME_H);
  ctx.textBaseline = 'top';
  // Title and subtitle.
  ctx.fillStyle = INK;
  fitText(ctx, f.title, FRAME_W - 80, 54, 600, 30);
  ctx.fillText(f.title, 40, 28);
  ctx.fillStyle = '#1f1f1f';
  fitText(ctx, f.subtitle, FRAME_W - 80, 30, 400);
  ctx.fillText(f.subtitle, 40, 100);
  drawMaps(ctx, f.maps, MAP_BOX);
  // Right column: legend, then key numbers.
  const rx = MAP_BOX.x + MAP_BOX.w + 40, rw = FRAME_W - rx - 40;
  let y = drawLegend(ctx, f.legend, rx, MAP_BOX.y, rw) + 16;
  for (const k of f.numbers.slice(0, 5)) {
    if (y > MAP_BOX.y + MAP_BOX.h - 60) break;
    ctx.fillStyle = '#1f1f1f';
    fitText(ctx, k.label, rw, 26, 400);
    ctx.fillText(k.label, rx, y);
    ctx.fillStyle = INK;
    fitText(ctx, k.value, rw, 48, 600, 28);
    ctx.fillText(k.value, rx, y + 32);
    y += 96;
    if (k.detail) {
      ctx.fillStyle = '#1f1f1f';
      fitText(ctx, k.detail, rw, 24, 400);
      ctx.fillText(k.detail, rx, y - 12);
      y += 24;
    }
  }
  // Footer band.
  const fy = MAP_BOX.y + MAP_BOX.h + 14;
  ctx.fillStyle = '#f2f2f2';
  ctx.fillRect(0, fy, FRAME_W, FRAME_H - fy);
  ctx.fillStyle = '#000000';
  ctx.fillRect(0, fy, FRAME_W, 3);
  // Footer lines wrap (a workspace's source can be long); the synthetic notice is always last and bold.
  const fw = FRAME_W - 300;
  let ly = fy + 12;
  const maxY = FRAME_H - 30;
  f.footer.forEach((line, i) => {
    const synthetic = i === f.footer.length - 1 && line.includes('synthetic demonstration data');
    ctx.font = `${synthetic ? 600 : 400} 23px ${FONT}`;
    ctx.fillStyle = synthetic ? '#5a3d00' : INK;
    const parts = wrapText(ctx, line, fw);
    for (const p of parts) {
      if (ly > maxY && !synthetic) break;
      ctx.fillText(p, 40, Math.min(ly, maxY));
      ly += 31;
    }
  });
  if (f.pageTag) {
    ctx.fillStyle = INK;
    ctx.font = `600 28px ${FONT}`;
    ctx.textAlign = 'right';
    ctx.fillText(f.pageTag, FRAME_W - 40, fy + 14);
    ctx.textAlign = 'left';
  }
  return c;
}

/** PNG bytes of a canvas, with the given text entries (title, footer) embedded as iTXt. */
export async function canvasToPng(c: HTMLCanvasElement, text: Record<string, string>): Promise<Uint8Array> {
  const blob = await new Promise<Blob>((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
  return addPngText(new Uint8Array(await blob.arrayBuffer()), text);
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
