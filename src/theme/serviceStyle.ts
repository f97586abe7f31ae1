/**
 * How services and far villages look, shared by the map's layer factories and the panels' keys
 * (below both, so ui/ never reaches into map/). Colours are Okabe–Ito / ColorBrewer hues chosen
 * away from the YlOrRd need palette (see map/layers/serviceLayers.ts for the symbol design).
 */
export type Rgba = [number, number, number, number];

export interface ServiceStyle {
  fill: Rgba;
  line: Rgba;
  /** Radius in pixels at zoom 10 (before radiusScale). */
  radiusPx: number;
  lineWidthPx: number;
  /** Draw a white dot in the centre (the hospital bullseye). */
  centreDot: boolean;
  /** Hidden below this zoom unless the settings say otherwise. */
  minZoom: number;
  label: { th: string; en: string };
}

const WHITE: Rgba = [255, 255, 255, 255];

export const SERVICE_STYLES: Record<string, ServiceStyle> = {
  hospital: { fill: [0, 114, 178, 255], line: WHITE, radiusPx: 8, lineWidthPx: 2, centreDot: true, minZoom: 0, label: { th: 'โรงพยาบาล', en: 'Hospital' } },
  health_promoting_hospital: {
    fill: [0, 158, 115, 255],
    line: WHITE,
    radiusPx: 5.5,
    lineWidthPx: 1.5,
    centreDot: false,
    minZoom: 6,
    label: { th: 'โรงพยาบาลส่งเสริมสุขภาพตำบล (รพ.สต.)', en: 'Sub-district health-promoting hospital' },
  },
  school: { fill: [255, 255, 255, 235], line: [118, 42, 131, 255], radiusPx: 4, lineWidthPx: 2, centreDot: false, minZoom: 7, label: { th: 'โรงเรียน', en: 'School' } },
};

/** Style for classes a user's file brought beyond the three (grey disc). */
export const OTHER_SERVICE_STYLE: ServiceStyle = {
  fill: [90, 90, 90, 255],
  line: WHITE,
  radiusPx: 4.5,
  lineWidthPx: 1,
  centreDot: false,
  minZoom: 7,
  label: { th: 'บริการอื่น', en: 'Other service' },
};

export function styleOf(type: string): ServiceStyle {
  return SERVICE_STYLES[type] ?? { ...OTHER_SERVICE_STYLE, label: { th: type, en: type } };
}


/** Far villages (beyond the access filter's distance): magenta, away from YlOrRd and the service hues. */
export const FAR_VILLAGE_RGB: [number, number, number] = [214, 0, 178];

/** Zoom from which each class is drawn by default (the national view shows hospitals only). */
export const SERVICE_MIN_ZOOM: Record<string, number> = { hospital: 0, health_promoting_hospital: 6.8, school: 8.3 };
