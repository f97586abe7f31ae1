/**
 * The deck as a PowerPoint file (issue 10 §5, issue 15 §3), with pptxgenjs: one slide per saved
 * view, laid out as people edit slides — the title, subtitle, key numbers and footer (sources,
 * years, settings, synthetic notice) as text boxes; the map as one 16:9 picture filling the body
 * area (compare slides: the panels side by side inside it, each fitted to its own area); the
 * legend as a picture beside it (Thai drawn by the bundled font, so it reads the same without
 * Noto Sans Thai installed); speaker notes holding the presenter's note, the slide's settings
 * and its sources. Loaded on demand (pptxgenjs and its JSZip are large and only needed here).
 */
import type { Frame } from './png';

export interface DeckSlide {
  frame: Frame;
  /** PNG data URL of the maps (16:9). */
  mapImage: string;
  /** PNG data URL of the legend, and its width ÷ height. */
  legendImage: string;
  legendAspect: number;
  /** Speaker notes: the presenter's note, then settings and sources. */
  notes: string;
}

/** Slide geometry in inches (LAYOUT_WIDE: 13.333 × 7.5 in, 16:9). */
export const SLIDE = { w: 13.333, h: 7.5 };
export const BODY = { x: 0.35, y: 1.3, w: 9.6, h: 5.4 };
const SIDE = { x: BODY.x + BODY.w + 0.2, w: SLIDE.w - (BODY.x + BODY.w + 0.2) - 0.3 };

export async function buildPptx(slides: DeckSlide[], title: string): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = title;
  pptx.company = 'Cheepao';
  const font = 'Noto Sans Thai';
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addText(s.frame.title, { x: BODY.x, y: 0.2, w: SLIDE.w - 0.7, h: 0.65, fontFace: font, fontSize: 26, bold: true, color: '000000', fit: 'shrink', margin: 0 });
    slide.addText(s.frame.subtitle, { x: BODY.x, y: 0.85, w: SLIDE.w - 0.7, h: 0.4, fontFace: font, fontSize: 14, color: '1F1F1F', margin: 0 });
    // The map fills the body area at 16:9 (the image is rendered at that aspect).
    slide.addImage({ data: s.mapImage, x: BODY.x, y: BODY.y, w: BODY.w, h: BODY.h, altText: s.frame.title });
    // Legend beside the map: full side width, at most 3.4 in tall (narrower when taller).
    let lw = SIDE.w, lh = lw / s.legendAspect;
    if (lh > 3.4) { lh = 3.4; lw = lh * s.legendAspect; }
    slide.addImage({ data: s.legendImage, x: SIDE.x, y: BODY.y, w: lw, h: lh, altText: s.frame.legend.title });
    const ny = BODY.y + lh + 0.12;
    if (BODY.y + BODY.h - ny > 0.5) {
      slide.addText(
        s.frame.numbers.slice(0, 4).flatMap((k) => [
          { text: k.label, options: { fontSize: 12, color: '1F1F1F', breakLine: true } },
          { text: k.value, options: { fontSize: 22, bold: true, color: '000000', breakLine: true } },
          ...(k.detail ? [{ text: k.detail, options: { fontSize: 10, color: '1F1F1F', breakLine: true } }] : []),
        ]),
        { x: SIDE.x, y: ny, w: SIDE.w, h: BODY.y + BODY.h - ny, fontFace: font, valign: 'top', paraSpaceAfter: 2, fit: 'shrink', margin: 0 },
      );
    }
    slide.addText(s.frame.footer.join('\n'), { x: BODY.x, y: BODY.y + BODY.h + 0.08, w: SLIDE.w - 0.7, h: SLIDE.h - (BODY.y + BODY.h + 0.08) - 0.05, fontFace: font, fontSize: 8, color: '000000', valign: 'top', fit: 'shrink', margin: 0 });
    if (s.notes) slide.addNotes(s.notes);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
