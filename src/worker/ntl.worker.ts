/**
 * The nighttime-lights worker (issue 4): decoding, colouring and zonal statistics off the main
 * thread (see ntlApi.ts), exposed with comlink.
 */
import { expose } from 'comlink';
import { createNtlApi } from './ntlApi';

export type { NtlApi, NtlLoaded, NtlRasterInfo, NtlSource, NtlZonal, PolygonLevel, RgbaImage, StatsColumns, AreaStats, FullGrid } from './ntlApi';

expose(createNtlApi());
