/**
 * The maps this feature's panels show, injected by the feature file (src/features/compare.ts) so
 * ui/ never imports maplibre or deck.gl (ARCHITECTURE.md): a small-multiple map component, a
 * zoom group to synchronise them, and an off-screen renderer for exports.
 */
import type { ComponentType } from 'react';

export interface MapSpec {
  /** 'TH', a province or a district code. */
  code: string;
  /** Class numerals on the areas. */
  labels?: boolean;
  /** Projector strokes. */
  thick?: boolean;
}

export interface MapSlot {
  /** `spec` null: keep the map (and its WebGL context) but draw nothing new. */
  /**
   * `still`: drawn as a still (Canvas2D) until the user presses or wheels on it — the briefing's
   * maps, so a slide switch never waits for a software-WebGL frame (issue 15 §4).
   */
  Map: ComponentType<{ spec: MapSpec | null; group?: unknown; testId?: string; className?: string; still?: boolean }>;
  newGroup: () => unknown;
  /** One image per spec, each `width × height` CSS px, drawn with the app's current classes. */
  renderImages: (specs: MapSpec[], width: number, height: number) => Promise<HTMLCanvasElement[]>;
}

export const mapSlot: MapSlot = {
  Map: () => null,
  newGroup: () => null,
  renderImages: async () => [],
};
