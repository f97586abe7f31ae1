/**
 * The deck as a PowerPoint file (issue 10 §5), with pptxgenjs: one slide per saved view — the map
 * image (legend drawn in), and as editable text the title, the key numbers, the footer (sources,
 * years, settings, synthetic notice), plus the speaker note. Loaded on demand (pptxgenjs and its
 * JSZip are large and only needed here).
 */
import type { Frame } from './png';

export interface DeckSlide {
  frame: Frame;
  /** PNG data URL of the map with its legend. */
  mapImage: string;
  mapAspect: number;
  note: string;
}

export async function buildPptx(slides: DeckSlide[], title: string): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in, 16:9
  pptx.title = title;
  pptx.company = 'Cheepao';
  const font = 'Noto Sans Thai';
  for (const s of slides) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    slide.addText(s.frame.title, { x: 0.4, y: 0.25, w: 12.5, h: 0.7, fontFace: font, fontSize: 28, bold: true, color: '000000', fit: 'shrink' });
    slide.addText(s.frame.subtitle, { x: 0.4, y: 0.9, w: 12.5, h: 0.4, fontFace: font, fontSize: 14, color: '1F1F1F' });
    // Map image in a 8 × 5.3 in box, aspect kept.
    const bw = 8, bh = 5.3;
    const w = Math.min(bw, bh * s.mapAspect), h = w / s.mapAspect;
    slide.addImage({ data: s.mapImage, x: 0.4 + (bw - w) / 2, y: 1.4 + (bh - h) / 2, w, h });
    slide.addText(
      s.frame.numbers.slice(0, 5).flatMap((k) => [
        { text: k.label, options: { fontSize: 14, color: '1F1F1F', breakLine: true } },
        { text: k.value, options: { fontSize: 26, bold: true, color: '000000', breakLine: true } },
        ...(k.detail ? [{ text: k.detail, options: { fontSize: 12, color: '1F1F1F', breakLine: true } }] : []),
      ]),
      { x: 8.7, y: 1.4, w: 4.3, h: 5.3, fontFace: font, valign: 'top', paraSpaceAfter: 4 },
    );
    slide.addText(s.frame.footer.join('\n'), { x: 0.4, y: 6.8, w: 12.5, h: 0.6, fontFace: font, fontSize: 9, color: '000000', valign: 'top' });
    if (s.note) slide.addNotes(s.note);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
