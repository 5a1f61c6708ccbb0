import { intersectKeys, keyBreadth, keyCovers, keysCompatible, parseVinKey } from './vin-keys';

const compatible = (a: string, b: string) => keysCompatible(parseVinKey(a), parseVinKey(b));
const covers = (outer: string, inner: string) => keyCovers(parseVinKey(outer), parseVinKey(inner));

describe('VIN pattern keys', () => {
  it('finds two keys compatible when, position by position, their character sets meet', () => {
    expect(compatible('CV1F1', 'CV1[EF]3')).toBe(false);
    expect(compatible('CV1F3', 'CV1[EF]3')).toBe(true);
    expect(compatible('CV[12]F5', 'CV1F[134569]')).toBe(true);
    expect(compatible('CV2F5', 'CV1F[134569]')).toBe(false);
  });

  it('reads a key as a prefix: positions it does not reach match anything', () => {
    expect(compatible('CV1', 'CV1F9')).toBe(true);
    expect(compatible('*', 'ZZZZZ|ABC')).toBe(true);
    expect(compatible('**3', 'CV1F9')).toBe(false);
  });

  it('reads the part after the bar as positions 10–17, and leaves the check digit open', () => {
    expect(compatible('*****|*A', '*****|*B')).toBe(false);
    expect(compatible('*****|*A', '*****|*[A-C]')).toBe(true);
    expect(compatible('****A*', '****A9')).toBe(true);
    expect(compatible('*****|**1', '*****|**[0-9]')).toBe(true);
  });

  it('reads ranges, # as any digit, and a range across digits and letters as its two ends', () => {
    expect(compatible('[A-C]', 'B')).toBe(true);
    expect(compatible('[A-C]', 'D')).toBe(false);
    expect(compatible('#', '7')).toBe(true);
    expect(compatible('#', 'A')).toBe(false);
    expect(compatible('*****|*[1-A-JT]', '*****|*E')).toBe(true);
    expect(compatible('*****|*[1-A-JT]', '*****|*5')).toBe(false);
  });

  it('intersects keys into the VINs both match', () => {
    const both = intersectKeys(parseVinKey('CV[12]'), parseVinKey('*V1E3'))!;
    expect(keyCovers(parseVinKey('CV1E3'), both) && keyCovers(both, parseVinKey('CV1E3'))).toBe(true);
    expect(intersectKeys(parseVinKey('A'), parseVinKey('B'))).toBeNull();
  });

  it('knows which key covers another and which is narrower', () => {
    expect(covers('*', 'CV1F1')).toBe(true);
    expect(covers('CV1[EF]3', 'CV1E3')).toBe(true);
    expect(covers('CV1E3', 'CV1[EF]3')).toBe(false);
    expect(keyBreadth(parseVinKey('CV1E3'))).toBeLessThan(keyBreadth(parseVinKey('CV1[EF]3')));
  });
});
