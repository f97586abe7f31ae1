/**
 * Exports (issue 10 §5): the current view or every slide as a 1920 × 1080 PNG, the deck as a
 * PowerPoint file, the slides as JSON. Each slide is made the app's view first (its numbers
 * computed by the worker), then its maps are drawn off screen and composed.
 */
import { appStore, notify } from '../../store/store';
import { serializeDeck, parseDeck, DECK_FORMAT, DECK_VERSION, type Deck, type Slide } from '../../domain/slides/slides';
import { canvasToPng, download, drawFrame, fontsReady, mapCellSize, mapLegendImage, type Frame } from '../../export/png';
import { buildPptx, type DeckSlide } from '../../export/pptx';
import { compareStore, goToSlide, setSlides } from '../compare/compareStore';
import { mapSlot } from '../compare/mapSlot';
import { briefContent } from './content';
import { tc } from '../compare/text';

/** Timings of the last exports (ms), for the bench and the e2e log. */
export const exportTimings: Record<string, number> = {};

async function currentFrame(slide: Slide | null, pageTag?: string): Promise<Frame | null> {
  const s = appStore.getState();
  const c = compareStore.getState();
  // Exports always suppress small counts when the option is on (PDPA).
  const content = briefContent(s, c, slide, c.suppress);
  if (!content) return null;
  await fontsReady();
  const size = mapCellSize(content.maps.length);
  const images = await mapSlot.renderImages(content.maps.map((m) => m.spec), size.w, size.h);
  return {
    title: content.title,
    subtitle: content.subtitle,
    numbers: content.numbers,
    legend: content.legend,
    footer: content.footer,
    maps: content.maps.map((m, i) => ({ image: images[i], caption: m.caption, colour: m.colour })),
    pageTag,
  };
}

function fileStem(): string {
  const s = appStore.getState();
  const c = compareStore.getState();
  return `cheepao-${c.compare.length >= 2 ? c.compare.join('-') : s.selection}-${s.year}`;
}

async function pngOf(frame: Frame): Promise<Uint8Array> {
  return canvasToPng(drawFrame(frame), { Title: frame.title, Description: frame.footer.join('\n'), Software: 'Cheepao' });
}

export async function exportCurrentPng(): Promise<void> {
  compareStore.setState({ busy: 'png' });
  try {
    const t0 = performance.now();
    const c = compareStore.getState();
    const frame = await currentFrame(c.brief ? c.slides[c.slideIndex] ?? null : null, c.brief && c.slides.length ? `${c.slideIndex + 1} / ${c.slides.length}` : undefined);
    if (!frame) return;
    const png = await pngOf(frame);
    exportTimings.png = performance.now() - t0;
    download(png, `${fileStem()}.png`, 'image/png');
  } catch (e) {
    notify('error', `PNG: ${(e as Error).message}`);
  } finally {
    compareStore.setState({ busy: null });
  }
}

async function eachSlide(fn: (i: number, frame: Frame) => Promise<void>): Promise<void> {
  const { slides, slideIndex } = compareStore.getState();
  for (let i = 0; i < slides.length; i++) {
    await goToSlide(i);
    const frame = await currentFrame(slides[i], `${i + 1} / ${slides.length}`);
    if (frame) await fn(i, frame);
  }
  if (slides.length) await goToSlide(slideIndex);
}

export async function exportAllPng(): Promise<void> {
  compareStore.setState({ busy: 'png-all' });
  try {
    await eachSlide(async (i, frame) => download(await pngOf(frame), `cheepao-slide-${String(i + 1).padStart(2, '0')}.png`, 'image/png'));
  } catch (e) {
    notify('error', `PNG: ${(e as Error).message}`);
  } finally {
    compareStore.setState({ busy: null });
  }
}

export async function exportPptx(): Promise<void> {
  compareStore.setState({ busy: 'pptx' });
  try {
    const t0 = performance.now();
    const out: DeckSlide[] = [];
    const { slides } = compareStore.getState();
    await eachSlide(async (i, frame) => {
      const img = mapLegendImage(frame);
      out.push({ frame, mapImage: img.toDataURL('image/png'), mapAspect: img.width / img.height, note: slides[i].note });
    });
    const ds = appStore.getState().dataset;
    const blob = await buildPptx(out, `Cheepao · ${ds?.manifest.title[appStore.getState().lang] ?? ''}`);
    exportTimings.pptx = performance.now() - t0;
    download(blob, `cheepao-slides-${ds?.id ?? 'deck'}.pptx`, 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
  } catch (e) {
    notify('error', `PowerPoint: ${(e as Error).message}`);
  } finally {
    compareStore.setState({ busy: null });
  }
}

export function exportSlidesJson(): void {
  const ds = appStore.getState().dataset;
  const deck: Deck = { format: DECK_FORMAT, version: DECK_VERSION, datasetId: ds?.id ?? '', slides: compareStore.getState().slides };
  download(new Blob([serializeDeck(deck)], { type: 'application/json' }), `cheepao-slides-${ds?.id ?? 'deck'}.json`, 'application/json');
}

/** Import replaces the deck only when the whole file is valid (nothing is lost on a bad file). */
export async function importSlidesJson(file: File): Promise<void> {
  try {
    const deck = parseDeck(await file.text());
    setSlides(deck.slides);
    notify('info', `${tc('imported', appStore.getState().lang)}: ${file.name} (${deck.slides.length})`);
  } catch (e) {
    notify('error', `${file.name}: ${(e as Error).message}`);
  }
}
