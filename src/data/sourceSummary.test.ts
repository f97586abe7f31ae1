import { describe, expect, it } from 'vitest';
import type { WorkspaceLayer } from './datasetFormat';
import { sourceLineText, sourceSummary } from './sourceSummary';

const layer = (kind: WorkspaceLayer['kind'], files: string[], extra: Partial<WorkspaceLayer> = {}): WorkspaceLayer => ({
  id: `${kind}:${files[0] ?? ''}`,
  kind,
  files,
  synthetic: false,
  source: { files: files.map((name) => ({ name, size: 1 })), importedAt: '' },
  summary: '',
  ...extra,
});

describe('sourceSummary', () => {
  it('a national TPMAP folder with OCHA boundaries and a VIIRS raster: one line with the file count', () => {
    const tpmap = Array.from({ length: 7360 }, (_, i) => `61_${10 + (i % 77)}_tambol_${String(i).padStart(5, '0')}.csv`);
    const layers = [
      layer('poverty', tpmap, { year: 2561 }),
      layer('boundaries', ['th_adm1.geojson'], { level: 'province' }),
      layer('boundaries', ['tha_admbnda_adm2_rtsd_20220121.geojson'], { level: 'district' }),
      layer('lights', ['VNL_v21_npp_2021_global_vcmslcfg_c202205302300.average_masked.dat.tif']),
      layer('services', ['nakhonpathom_landmarks.xlsx › Sheet1']),
    ];
    const s = sourceSummary(layers, 'th');
    expect(s.files.length).toBe(7364);
    expect(s.names).toEqual(['TPMAP 2561', 'OCHA', 'VIIRS', 'สถานบริการ']);
    expect(sourceLineText(s, 'th', (n) => n.toLocaleString('en'))).toBe('7,364 ไฟล์ · TPMAP 2561, OCHA, VIIRS, สถานบริการ');
    expect(sourceLineText(sourceSummary(layers, 'en'), 'en')).toBe('7364 files · TPMAP 2561, OCHA, VIIRS, services');
  });

  it('an attribution names the publisher; files of unknown origin are named by their kind, never guessed', () => {
    const s = sourceSummary([
      layer('villages', ['pai_villages.zip'], { source: { files: [{ name: 'pai_villages.zip', size: 1 }], importedAt: '', attribution: 'GISTDA village points' } }),
      layer('boundaries', ['province_boundary.shp']),
    ], 'en');
    expect(s.names).toEqual(['GISTDA', 'boundaries']);
    expect(sourceLineText(s, 'en')).toBe('2 files · GISTDA, boundaries');
  });

  it('the embedded demo (no file names): no count', () => {
    expect(sourceLineText(sourceSummary([layer('poverty', [], { year: 2561 })], 'th'), 'th')).toBe('TPMAP 2561');
  });
});
