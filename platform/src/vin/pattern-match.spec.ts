import { constrainedVinPositions, formulaValue, keysMatch, patternSubject } from './pattern-match';

describe('pattern keys', () => {
  // Positions 4–8 "CM826", check digit left out, positions 10–17 "3A004352".
  const subject = patternSubject('1HGCM82633A004352');

  it('matches against positions 4–8, a bar, and positions 10–17', () => {
    expect(subject).toBe('CM826|3A004352');
  });

  it('reads a key as a prefix with * for any character', () => {
    expect(keysMatch('CM826', subject)).toBe(true);
    expect(keysMatch('CM8', subject)).toBe(true);
    expect(keysMatch('C*8*6', subject)).toBe(true);
    expect(keysMatch('CM827', subject)).toBe(false);
    expect(keysMatch('', subject)).toBe(true);
  });

  it('reads the part after the bar as positions 10 onwards', () => {
    expect(keysMatch('*****|*A', subject)).toBe(true);
    expect(keysMatch('*****|3', subject)).toBe(true);
    expect(keysMatch('*****|*B', subject)).toBe(false);
    expect(keysMatch('****|*A', subject)).toBe(false);
  });

  it('reads sets of characters and ranges', () => {
    expect(keysMatch('CM82[67]', subject)).toBe(true);
    expect(keysMatch('CM82[78]', subject)).toBe(false);
    expect(keysMatch('[A-C]M[7-9]2[5-7]', subject)).toBe(true);
    expect(keysMatch('[D-Z]', subject)).toBe(false);
    expect(keysMatch('[ABC][LMN]', subject)).toBe(true);
  });

  it('reads a range across digits and letters as its two ends, like vPIC', () => {
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|21')).toBe(true);
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|2A')).toBe(true);
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|2E')).toBe(true);
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|2T')).toBe(true);
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|25')).toBe(false);
    expect(keysMatch('*****|*[1-A-JT]', 'AAAAA|2K')).toBe(false);
  });

  it('never matches a key longer than the subject or with an unclosed set', () => {
    expect(keysMatch('*****|*********', subject)).toBe(false);
    expect(keysMatch('CM[826', subject)).toBe(false);
  });

  it('reads # as a digit whose value the pattern decodes', () => {
    expect(keysMatch('**#', subject)).toBe(true);
    expect(keysMatch('*#', subject)).toBe(false);
    expect(formulaValue('**#', subject)).toBe('8');
    expect(formulaValue('**##', subject)).toBe('82');
    expect(formulaValue('CM8', subject)).toBeNull();
  });

  it('lists the VIN positions a key reads', () => {
    expect(constrainedVinPositions('CM82[67]')).toEqual([4, 5, 6, 7, 8]);
    expect(constrainedVinPositions('*****|*A')).toEqual([11]);
    expect(constrainedVinPositions('****[7D]|*8**1')).toEqual([8, 11, 14]);
    expect(constrainedVinPositions('*****|*********')).toBeNull();
    expect(constrainedVinPositions('[AB')).toBeNull();
  });
});
