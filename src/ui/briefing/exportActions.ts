/**
 * Exports (issue 10 §5, issue 15): the current view or every slide as a 1920 × 1080 PNG, the
 * deck as a PowerPoint file, the slides as JSON. Each slide is made the app's view first (its
 * numbers computed by the worker, its map mode's answer ready), then its maps are drawn by the
 * one off-screen map with the same layer factories as the screen (map/MiniMap.tsx) and composed.
 * While a deck is exported the app underneath is out of layout (like briefing mode), so the main
 * map draws no frame per slide; the user's own view is put back afterwards.
 */
import { appStore, notify } from '../../store/store';
import { serializeDeck, parseDeck, DECK_FORMAT, DECK_VERSION, type Deck, type Slide } from '../../domain/slides/slides';
import { canvasDataUrl, canvasToPng, download, drawFrame, fontsReady, legendImage, mapCellSize, mapsImage, type Frame } from '../../export/png';
import { buildPptx, type DeckSlide } from '../../export/pptx';
import { applyView, captureView, compareStore, goToSlide, setSlides } from '../compare/compareStore';
import { areaName } from '../../store/names';
import { formatYear } from '../../text/i18n';
import { slideSummary } from './slideSummary';
import { mapSlot } from '../compare/mapSlot';
import { briefContent } from './content';
import { tc } from '../compare/text';

/** Timings of the last exports (ms), by phase, for the bench and the e2e log (window.__cheepaoExportTimings). */
export const exportTimings: Record<string, number> = {};
if (typeof window !== 'undefined') (window as unknown as { __cheepaoExportTimings: Record<string, number> }).__cheepaoExportTimings = exportTimings;
const phase = (k: string, t0: number) => { exportTimings[k] = (exportTimings[k] ?? 0) + performance.now() - t0; };

async function currentFrame(slide: Slide | null, pageTag?: string): Promise<Frame | null> {
  const s = appStore.getState();
  const c = compareStore.getState();
  // Exports always suppress small counts when the option is on (PDPA).
  const content = briefContent(s, c, slide, c.suppress);
  if (!content) return null;
  await fontsReady();
  const size = mapCellSize(content.maps.length);
  const t0 = performance.now();
  const images = await mapSlot.renderImages(content.maps.map((m) => m.spec), size.w, size.h);
  phase('render', t0);
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

/**
 * Each slide in turn: its view applied, its frame drawn. The app is out of layout meanwhile
 * (body.cheepao-exporting: the main map draws nothing), and the user's view and slide number
 * are restored at the end, whatever happened.
 */
async function eachSlide(fn: (i: number, frame: Frame) => Promise<void>): Promise<void> {
  const { slides, slideIndex, brief } = compareStore.getState();
  const before = captureView();
  if (!brief) document.body.classList.add('cheepao-exporting');
  try {
    for (const k of ['apply', 'render', 'compose']) exportTimings[k] = 0;
    for (let i = 0; i < slides.length; i++) {
      compareStore.setState({ busyStep: [i + 1, slides.length] });
      let t0 = performance.now();
      await goToSlide(i);
      phase('apply', t0);
      const frame = await currentFrame(slides[i], `${i + 1} / ${slides.length}`);
      t0 = performance.now();
      if (frame) await fn(i, frame);
      phase('compose', t0);
    }
  } finally {
    compareStore.setState({ busyStep: null });
    if (brief) {
      if (slides.length) await goToSlide(slideIndex);
    } else {
      await applyView(before);
      compareStore.setState({ slideIndex });
      document.body.classList.remove('cheepao-exporting');
    }
  }
}

/** The speaker notes of a slide: the presenter's note, what the slide shows, its settings and sources. */
export function slideNotes(slide: Slide, frame: Frame): string {
  const s = appStore.getState();
  const lang = s.lang;
  const sum = slideSummary(slide.view, lang, (c) => areaName(s.dataset, c, lang), (y) => formatYear(y, lang, s.thaiDigits));
  const th = lang === 'th';
  const t = slide.view.targeting;
  const lines = [
    ...(slide.note.trim() ? [slide.note.trim(), ''] : []),
    `${th ? 'สไลด์แสดง' : 'This slide shows'}: ${sum.where} · ${sum.holds.join(' · ')}`,
    `${th ? 'การจำแนกชั้น' : 'Classes'}: ${slide.view.classification.method} (${slide.view.classification.scope})`,
  ];
  if (slide.view.layers.mapMode === 'targeting' && t) {
    lines.push(`${th ? 'การชี้เป้า' : 'Targeting'}: ${t.level} · need ${t.needMeasure} (${t.needAs}) × ${t.needWeight} · ${t.normalise} · ${t.aggregate} · ${t.strategy} · pillars ${Object.entries(t.pillarWeights).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  lines.push('', `${th ? 'ที่มาและการตั้งค่า' : 'Sources and settings'}:`, ...frame.footer);
  return lines.join('\n');
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
      const legend = legendImage(frame.legend);
      const mapImage = canvasDataUrl(mapsImage(frame)), legendUrl = canvasDataUrl(legend);
      out.push({ frame, mapImage, legendImage: legendUrl, legendAspect: legend.width / legend.height, notes: slideNotes(slides[i], frame) });
    });
    const ds = appStore.getState().dataset;
    const tz = performance.now();
    const blob = await buildPptx(out, `Cheepao · ${ds?.manifest.title[appStore.getState().lang] ?? ''}`);
    exportTimings.zip = performance.now() - tz;
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
