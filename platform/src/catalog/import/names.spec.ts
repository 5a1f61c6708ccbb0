import { collapseWhitespace, commonSpellings, displayName, nameKey } from './names';

describe('display names', () => {
  it('gives names written in one case throughout title case, hyphenated parts included', () => {
    expect(displayName('HONDA')).toBe('Honda');
    expect(displayName('MERCEDES-BENZ')).toBe('Mercedes-Benz');
    expect(displayName('harley-davidson')).toBe('Harley-Davidson');
    expect(displayName('TOURING')).toBe('Touring');
    expect(displayName("CARTER'S CYCLES")).toBe("Carter's Cycles");
  });

  it('keeps acronyms and codes in capitals: short words, words without vowels, known brands', () => {
    expect(displayName('BMW')).toBe('BMW');
    expect(displayName('GMC')).toBe('GMC');
    expect(displayName('MV AGUSTA')).toBe('MV Agusta');
    expect(displayName('MINI')).toBe('MINI');
    expect(displayName('EX-L NAVI')).toBe('EX-L Navi');
    expect(displayName('CR-V')).toBe('CR-V');
  });

  it('leaves words with digits as written', () => {
    expect(displayName('RAV4')).toBe('RAV4');
    expect(displayName('F-150')).toBe('F-150');
    expect(displayName('i3')).toBe('i3');
    expect(displayName('13 series')).toBe('13 Series');
  });

  it('writes company words and small joining words as words', () => {
    expect(displayName('WIZARD SPEED AND DESIGN')).toBe('Wizard Speed and Design');
    expect(displayName('TRIFUN, INC.')).toBe('Trifun, Inc.');
    expect(displayName('DE TOMASO')).toBe('De Tomaso');
  });

  it('keeps names already in mixed case, only trimmed and with single spaces', () => {
    expect(displayName('  Model   3 ')).toBe('Model 3');
    expect(displayName('xDrive SA')).toBe('xDrive SA');
    expect(displayName('Hybrid EX-L NAVI')).toBe('Hybrid EX-L NAVI');
    expect(displayName('   ')).toBe('');
  });

  it('compares names case-insensitively with spacing ignored', () => {
    expect(nameKey(' EX-L  Navi')).toBe(nameKey('Ex-l navi'));
    expect(collapseWhitespace('a \t b\n')).toBe('a b');
  });

  it('spells each name as most often, ties going to the first in code-point order', () => {
    const spellings = commonSpellings(['EX-L', 'Ex-L', 'EX-L', 'Si', 'SI', 'Sport']);
    expect(spellings.get('ex-l')).toBe('EX-L');
    expect(spellings.get('si')).toBe('SI');
    expect(spellings.get('sport')).toBe('Sport');
  });
});
