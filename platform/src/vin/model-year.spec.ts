import { modelYearCandidates, modelYearChoices, type ModelYearRules } from './model-year';

const vinWith = (position7: string, position10: string) => `1HGCM8${position7}63${position10}A004352`;

describe('model year', () => {
  const car = (hasSchemas: (year: number) => boolean = () => true): ModelYearRules => ({
    positionSevenRule: true,
    latestYear: 2026,
    hasSchemas,
  });
  const motorcycle = (hasSchemas: (year: number) => boolean): ModelYearRules => ({
    positionSevenRule: false,
    latestYear: 2026,
    hasSchemas,
  });

  it('lists the years a position-10 code stands for, newest first, up to the latest year', () => {
    expect(modelYearCandidates('A', 2026)).toEqual([2010, 1980]);
    expect(modelYearCandidates('Y', 2026)).toEqual([2000]);
    expect(modelYearCandidates('1', 2026)).toEqual([2001]);
    expect(modelYearCandidates('9', 2040)).toEqual([2039, 2009]);
    expect(modelYearCandidates('T', 2026)).toEqual([2026, 1996]);
  });

  it('knows no year for codes that are not year codes', () => {
    for (const code of ['0', 'U', 'Z', 'I', 'O', 'Q']) expect(modelYearCandidates(code, 2026)).toEqual([]);
    expect(modelYearChoices(vinWith('2', '0'), car())).toEqual([]);
  });

  it('settles cars, MPVs and trucks by position 7: a digit before 2010, a letter from 2010', () => {
    expect(modelYearChoices(vinWith('2', '3'), car())).toEqual([2003]);
    expect(modelYearChoices(vinWith('H', 'L'), car())).toEqual([2020]);
    expect(modelYearChoices(vinWith('5', 'L'), car())).toEqual([1990]);
  });

  it('does not believe a year after the latest', () => {
    expect(modelYearChoices(vinWith('A', 'V'), car())).toEqual([1997]);
  });

  it('overrules position 7 when only the other candidate year has decoding data', () => {
    expect(
      modelYearChoices(
        vinWith('A', 'L'),
        car((year) => year === 1990),
      ),
    ).toEqual([1990]);
    expect(
      modelYearChoices(
        vinWith('A', 'L'),
        car(() => false),
      ),
    ).toEqual([2020]);
  });

  it('tries the candidate years with decoding data where position 7 says nothing, newest first', () => {
    expect(
      modelYearChoices(
        vinWith('A', 'K'),
        motorcycle(() => true),
      ),
    ).toEqual([2019, 1989]);
    expect(
      modelYearChoices(
        vinWith('A', 'K'),
        motorcycle((year) => year < 2000),
      ),
    ).toEqual([1989]);
    expect(
      modelYearChoices(
        vinWith('A', 'K'),
        motorcycle(() => false),
      ),
    ).toEqual([2019]);
  });
});
