import { describe, expect, it } from 'vitest';
import { computeAccess } from '../../domain/access/accessMeasures';
import { nearestServicesOfVillage } from '../../domain/access/queries';
import { importServicesText } from '../../data/services/importServices';
import { nearestLinesLayers, serviceLayers, serviceRowsOfType, serviceRowsShown, serviceTooltip, serviceTypeLayers, zoomRadiusScale } from './serviceLayers';

const { services } = importServicesText(
  [
    'id,type,level,size_class,name_th,name_en,lon,lat,capacity',
    'H1,hospital,general,,โรงพยาบาลนครปฐม,Nakhon Pathom Hospital,100.06,13.82,400',
    'P1,health_promoting_hospital,,,รพ.สต.ดอนรวก,Don Ruak HPH,100.10,13.90,',
    'S1,school,primary,small,โรงเรียนบ้านหนอง,Ban Nong School,100.20,13.70,100',
    'S2,school,primary,large,โรงเรียนวัดไผ่,Wat Phai School,100.25,13.75,900',
  ].join('\n'),
  'services.csv',
);

describe('serviceLayers', () => {
  it('gives each class stable ids, its own rows as data, and the same data object on every call', () => {
    const a = serviceLayers(services, { zoom: 10 });
    const b = serviceLayers(services, { zoom: 11 });
    expect(a.map((l) => l.id)).toEqual(['services-school', 'services-health_promoting_hospital', 'services-hospital', 'services-hospital-centre']);
    expect(Array.from(a[0].props.data as Uint32Array)).toEqual([2, 3]);
    expect(a[0].props.data).toBe(b[0].props.data);
    expect(serviceRowsOfType(services, 'school')).toBe(serviceRowsOfType(services, 'school'));
  });

  it('leaves out hidden levels of a class, keeping one data array per choice', () => {
    const shown = serviceTypeLayers(services, 'school', { zoom: 10, hiddenLevels: { school: ['primary'] } })[0];
    expect(Array.from(shown.props.data as Uint32Array)).toEqual([]);
    const hospitals = serviceTypeLayers(services, 'hospital', { zoom: 10, hiddenLevels: { hospital: ['community'] } })[0];
    expect(Array.from(hospitals.props.data as Uint32Array)).toEqual([0]);
    expect(serviceRowsShown(services, 'school', ['primary'])).toBe(serviceRowsShown(services, 'school', ['primary']));
    expect(serviceRowsShown(services, 'school', [])).toBe(serviceRowsOfType(services, 'school'));
  });

  it('hides classes below their minimum zoom or when switched off, and scales with zoom', () => {
    const national = serviceLayers(services, { zoom: 5 });
    expect(Object.fromEntries(national.map((l) => [l.id, l.props.visible]))).toMatchObject({
      'services-school': false,
      'services-health_promoting_hospital': false,
      'services-hospital': true,
    });
    expect(serviceTypeLayers(services, 'school', { zoom: 5, minZoom: { school: 0 } })[0].props.visible).toBe(true);
    expect(serviceTypeLayers(services, 'hospital', { zoom: 10, visible: { hospital: false } })[0].props.visible).toBe(false);
    expect(zoomRadiusScale(3)).toBe(0.45);
    expect(zoomRadiusScale(15)).toBe(1.6);
    expect(serviceTypeLayers(services, 'school', { zoom: 9 })[0].props.radiusScale).toBeCloseTo(1.05, 12);
  });

  it('sizes by capacity only when asked, relative to the class median', () => {
    const plain = serviceTypeLayers(services, 'school', { zoom: 10 })[0];
    const sized = serviceTypeLayers(services, 'school', { zoom: 10, sizeByCapacity: true })[0];
    const r = (l: typeof plain, row: number) => (l.props.getRadius as (r: number) => number)(row);
    expect(r(plain, 2)).toBe(r(plain, 3));
    // Median of {100, 900} by the upper-middle rule is 900: S1 = 4 px × √(100/900) clamped to 0.6×.
    expect(r(sized, 2)).toBeCloseTo(4 * 0.6, 12);
    expect(r(sized, 3)).toBeCloseTo(4, 12);
    expect(sized.props.updateTriggers).toEqual({ getRadius: [true, 900] });
  });
});

describe('nearestLinesLayers', () => {
  it('draws one line per class from the village to its nearest service', () => {
    const villages = { lon: [100.07], lat: [13.83], people: [100] };
    const near = nearestServicesOfVillage(computeAccess(villages, services), services, 0);
    const [casing, lines] = nearestLinesLayers({ lon: 100.07, lat: 13.83 }, near);
    expect(casing.id).toBe('nearest-lines-casing');
    expect(lines.id).toBe('nearest-lines');
    // Haversine: S1 ≈ 20.2 km, S2 ≈ 21.4 km from the village, so S1 is the nearest school.
    expect((lines.props.data as typeof near).map((n) => services.id[n.serviceRow])).toEqual(['H1', 'P1', 'S1']);
    const hidden = nearestLinesLayers({ lon: 100.07, lat: 13.83 }, near, { visible: { school: false } })[1];
    expect((hidden.props.data as typeof near).map((n) => n.type)).toEqual(['hospital', 'health_promoting_hospital']);
  });
});

describe('serviceTooltip', () => {
  it('shows name, class in Thai and English, level and capacity', () => {
    expect(serviceTooltip(services, 0)).toBe('โรงพยาบาลนครปฐม\nNakhon Pathom Hospital\nโรงพยาบาล · Hospital\ngeneral\nความจุ capacity: 400');
    expect(serviceTooltip(services, 1)).toMatch(/รพ\.สต\.ดอนรวก[\s\S]*ความจุ capacity: ไม่ทราบ unknown/);
  });
});
