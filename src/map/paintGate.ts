/**
 * Holds back maplibre's painting until the first frame can show the whole map.
 *
 * Why (issue 16 §3, measured in headless Chromium with software WebGL, bench `app`): maplibre
 * paints as soon as its style loads — an empty basemap frame, then one more per GeoJSON source
 * and tile that arrives — while deck.gl is still creating its GPU device. Each of those frames
 * compiles shaders and rasterises in the GPU process (SwiftShader), so deck's device creation
 * waited behind them in the same queue: deck device at ≈ 2.27 s with the early frames, ≈ 1.69 s
 * without. Painting nothing until deck has its device, the style is loaded and the first layers
 * are set (or there is nothing to wait for) gave first map (medians, A/B alternated on one
 * machine) 2.53 s against 2.94 s (10 runs each), 2.02 against 2.39 s (8) and, once that VM ran
 * faster, 1.59 against 1.67 s (14). Nobody sees the frames held back: they are blank basemap
 * that the next one, ≈ 0.2–0.3 s later, replaces.
 *
 * The wrap uses maplibre's internal `painter.render` (maplibre-gl 5.x, Map._render → painter.render);
 * if a future version lacks it, the gate does nothing and the map paints as before. A timer opens
 * the gate whatever happens, so a stalled device or source never leaves the map blank.
 */

/** The part of maplibre's Map the gate touches. */
export interface GateableMap {
  triggerRepaint(): void;
}

export interface PaintGate {
  readonly isOpen: boolean;
  /** Lets paints through from now on and asks for a frame. Idempotent. */
  open(): void;
  /** Cancels the fallback timer (the map is being removed). */
  dispose(): void;
}

export const PAINT_GATE_FALLBACK_MS = 4000;

export function holdPaint(map: GateableMap, onOpen?: () => void, fallbackMs = PAINT_GATE_FALLBACK_MS): PaintGate {
  const painter = (map as unknown as { painter?: { render?: (...args: unknown[]) => unknown } }).painter;
  let isOpen = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gate: PaintGate = {
    get isOpen() { return isOpen; },
    open() {
      if (isOpen) return;
      isOpen = true;
      if (timer !== undefined) clearTimeout(timer);
      onOpen?.();
      map.triggerRepaint();
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
  if (!painter || typeof painter.render !== 'function') {
    isOpen = true;
    return gate;
  }
  const paint = painter.render.bind(painter);
  painter.render = (...args: unknown[]) => (isOpen ? paint(...args) : undefined);
  timer = setTimeout(() => gate.open(), fallbackMs);
  return gate;
}
