import { vinPatternKey, vinWmi } from './vin-positions';

describe('VIN positions', () => {
  it('takes positions 1–3 as the WMI', () => {
    expect(vinWmi('1HGCM82633A004352')).toBe('1HG');
  });

  it('adds positions 12–14 to the WMI when position 3 is 9', () => {
    expect(vinWmi('VF9SC2C22FL795001')).toBe('VF9795');
  });

  it('keys a VIN by all but the check digit and the serial positions no pattern reads', () => {
    expect(vinPatternKey('1HGCM82633A004352')).toBe('1HGCM8263A00');
    expect(vinPatternKey('1HGCM82603A009999')).toBe('1HGCM8263A00');
    expect(vinPatternKey('1HGCM82633A014352')).not.toBe(vinPatternKey('1HGCM82633A004352'));
  });

  it('keeps the WMI positions 12–14 in the key', () => {
    expect(vinPatternKey('VF9SC2C22FL795001')).toBe('VF9SC2C2FL795');
  });
});
