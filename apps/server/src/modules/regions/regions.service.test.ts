import { describe, expect, it } from 'vitest';
import { regionCentroid, regionName, regionPrefix } from './regions.service';

describe('regions', () => {
  it('names a county with its city and province', () => {
    expect(regionName('330109')).toBe('浙江省 / 杭州市 / 萧山区');
    expect(regionName('110108')).toBe('北京市 / 海淀区');
  });
  it('matches everything inside a province or city by prefix', () => {
    expect(regionPrefix('330000')).toBe('33');
    expect(regionPrefix('330100')).toBe('3301');
    expect(regionPrefix('330109')).toBe('330109');
  });
  it('places a county without its own centre at its city, and a city without one at its province capital', () => {
    expect(regionCentroid('330109')).toEqual({ lat: 30.184, lng: 120.264 });
    expect(regionCentroid('330122')).toEqual(regionCentroid('330100'));
    expect(regionCentroid('331100')).toEqual(regionCentroid('330000'));
  });
});
