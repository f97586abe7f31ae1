/**
 * The made-up but plausible physical geography behind the synthetic dataset: a settlement
 * density surface (plains dense, mountains sparse), the number of districts per province, and
 * each province's poverty tendency. Hand-written from general knowledge of Thailand's relief
 * (Chao Phraya plain, Khorat plateau, the western Tenasserim and northern ranges, the Phetchabun
 * range, the southern spine); it is NOT measured data.
 */
import type { Region } from '../../src/data/datasetFormat';

/** Number of districts (amphoe/khet) per province: DOPA counts, 878 in total, Bangkok 50. */
export const DISTRICT_COUNT: Readonly<Record<string, number>> = {
  '10': 50, '11': 6, '12': 6, '13': 7, '14': 16, '15': 7, '16': 11, '17': 6, '18': 8, '19': 13,
  '20': 11, '21': 8, '22': 10, '23': 7, '24': 11, '25': 7, '26': 4, '27': 9,
  '30': 32, '31': 23, '32': 17, '33': 22, '34': 25, '35': 9, '36': 16, '37': 7, '38': 8, '39': 6,
  '40': 26, '41': 20, '42': 14, '43': 9, '44': 13, '45': 20, '46': 18, '47': 18, '48': 12, '49': 7,
  '50': 25, '51': 8, '52': 13, '53': 9, '54': 8, '55': 15, '56': 9, '57': 18, '58': 7,
  '60': 15, '61': 8, '62': 11, '63': 9, '64': 9, '65': 9, '66': 12, '67': 11,
  '70': 10, '71': 13, '72': 10, '73': 7, '74': 3, '75': 3, '76': 8, '77': 8,
  '80': 23, '81': 8, '82': 8, '83': 3, '84': 19, '85': 5, '86': 8,
  '90': 16, '91': 7, '92': 10, '93': 11, '94': 12, '95': 8, '96': 13,
};

interface Blob {
  lon: number;
  lat: number;
  rLon: number;
  rLat: number;
  /** log-density added at the centre (negative = mountains). */
  weight: number;
}

const BLOBS: readonly Blob[] = [
  // mountains (sparse)
  { lon: 98.0, lat: 18.9, rLon: 0.55, rLat: 1.3, weight: -1.9 }, // Mae Hong Son ranges
  { lon: 98.75, lat: 16.6, rLon: 0.45, rLat: 1.4, weight: -1.6 }, // Thanon Thong Chai (Tak)
  { lon: 98.85, lat: 14.8, rLon: 0.55, rLat: 0.95, weight: -1.7 }, // Tenasserim (Kanchanaburi)
  { lon: 99.3, lat: 12.9, rLon: 0.35, rLat: 1.0, weight: -1.1 }, // Kaeng Krachan
  { lon: 100.95, lat: 18.9, rLon: 0.45, rLat: 0.8, weight: -1.3 }, // Nan highlands
  { lon: 99.15, lat: 19.4, rLon: 0.35, rLat: 0.6, weight: -0.9 }, // Doi ranges N of Chiang Mai
  { lon: 101.3, lat: 16.9, rLon: 0.4, rLat: 0.95, weight: -1.1 }, // Phetchabun range
  { lon: 101.6, lat: 14.4, rLon: 0.7, rLat: 0.22, weight: -1.0 }, // Dong Phaya Yen – Khao Yai
  { lon: 102.25, lat: 12.85, rLon: 0.3, rLat: 0.3, weight: -0.8 }, // Cardamom foothills
  { lon: 103.8, lat: 16.85, rLon: 0.5, rLat: 0.22, weight: -0.6 }, // Phu Phan
  { lon: 99.75, lat: 8.5, rLon: 0.2, rLat: 0.6, weight: -0.8 }, // Nakhon Si Thammarat range
  { lon: 98.6, lat: 9.6, rLon: 0.3, rLat: 1.0, weight: -0.7 }, // Phuket range
  { lon: 101.25, lat: 5.9, rLon: 0.4, rLat: 0.3, weight: -0.8 }, // Sankalakhiri (Yala)
  // plains and cities (dense)
  { lon: 100.3, lat: 14.8, rLon: 0.6, rLat: 1.5, weight: 0.8 }, // Chao Phraya plain
  { lon: 103.4, lat: 15.9, rLon: 1.8, rLat: 1.3, weight: 0.55 }, // Khorat plateau lowlands
  { lon: 104.0, lat: 15.1, rLon: 1.0, rLat: 0.45, weight: 0.3 }, // Mun river
  { lon: 100.55, lat: 13.75, rLon: 0.35, rLat: 0.3, weight: 1.2 }, // Bangkok metropolitan area
  { lon: 99.0, lat: 18.75, rLon: 0.2, rLat: 0.3, weight: 0.9 }, // Chiang Mai – Lamphun valley
];

/** Relative settlement density at a point (1 = average lowland). */
export function settlementDensity(lon: number, lat: number): number {
  let logD = 0;
  for (const b of BLOBS) {
    const dx = (lon - b.lon) / b.rLon;
    const dy = (lat - b.lat) / b.rLat;
    logD += b.weight * Math.exp(-(dx * dx + dy * dy));
  }
  return Math.exp(logD);
}

/** Logit offset of household deprivation by region (higher = poorer). */
export const REGION_POVERTY: Readonly<Record<Region, number>> = {
  bangkok: -1.1,
  central: -0.5,
  east: -0.45,
  west: 0.1,
  north: 0.3,
  northeast: 0.35,
  south: -0.25,
};

/** Province-specific deviations from the regional tendency (well-known poor and rich provinces). */
export const PROVINCE_POVERTY: Readonly<Record<string, number>> = {
  '94': 1.2, '95': 0.9, '96': 1.2, // deep south
  '58': 0.72, '63': 0.5, '55': 0.42, '57': 0.1, // northern/western highlands
  '33': 0.2, '32': 0.2, '37': 0.15, '38': 0.2, '48': 0.1, '39': 0.1, '31': 0.15,
  '67': 0.15, '61': 0.1, '71': 0.1, '27': 0.3,
  '12': -0.5, '11': -0.4, '13': -0.3, '74': -0.25, '73': -0.1, '20': -0.35, '21': -0.35, '83': -0.6,
  '84': -0.1, '90': 0.05, '50': -0.15, '40': -0.15,
};

/** Bangkok has no moo-ban; its demo "villages" stand for communities (chumchon). */
export const BANGKOK_CODE = '10';
