import { grantModelYears, modelYearRule, type ModelYearInputs } from './model-years';
import type { SchemaLink } from './vpic-tables';

const TOYOTA = 448;
const LEXUS = 515;
const CELICA = 3645;
const CAMRY = 2469;
const ES = 2065;

function link(wmiId: number, schemaId: number, yearFrom: number, yearTo: number | null): SchemaLink {
  return { wmiId, schemaId, yearFrom, yearTo };
}

function inputs(links: SchemaLink[], modelsBySchema: Record<number, number[]>): ModelYearInputs {
  return {
    links,
    wmis: new Map([
      [1, { makeIds: new Set([TOYOTA]) }],
      [2, { makeIds: new Set([TOYOTA]) }],
      [3, { makeIds: new Set([TOYOTA, LEXUS]) }],
    ]),
    makeIdByModel: new Map([
      [CELICA, TOYOTA],
      [CAMRY, TOYOTA],
      [ES, LEXUS],
    ]),
    modelIdsBySchema: new Map(Object.entries(modelsBySchema).map(([schemaId, models]) => [Number(schemaId), models])),
  };
}

/** Years per model id, from the grants. */
function yearsOf(given: ModelYearInputs, currentYear = 2026): Map<number, number[]> {
  const years = new Map<number, Set<number>>();
  for (const grant of grantModelYears(given, modelYearRule(currentYear))) {
    const modelYears = years.get(grant.modelId) ?? new Set<number>();
    for (let year = grant.from; year <= grant.to; year++) modelYears.add(year);
    years.set(grant.modelId, modelYears);
  }
  return new Map([...years].map(([modelId, modelYears]) => [modelId, [...modelYears].sort((a, b) => a - b)]));
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

describe('the model-year rule', () => {
  it('gives a closed link its years, from 1981 at the earliest', () => {
    expect(yearsOf(inputs([link(1, 10, 1978, 1983)], { 10: [CELICA] })).get(CELICA)).toEqual(range(1981, 1983));
  });

  it("runs an open link to next year when it is its WMI's newest schema and the WMI is active", () => {
    const given = inputs([link(1, 10, 2018, 2019), link(1, 11, 2020, null)], { 10: [CAMRY], 11: [CAMRY] });
    expect(yearsOf(given).get(CAMRY)).toEqual(range(2018, 2027));
  });

  it('stops an open link of an inactive WMI at the last year other links confirm (the JT5 Celica)', () => {
    const given = inputs([link(1, 10, 1997, 2005), link(2, 20, 1999, null)], { 10: [CELICA], 20: [CELICA] });
    expect(yearsOf(given).get(CELICA)).toEqual(range(1997, 2005));
  });

  it('stops an open link that newer schemas of its WMI replaced, even when the WMI is active', () => {
    const given = inputs([link(1, 10, 2010, null), link(1, 11, 2024, null)], { 10: [CELICA], 11: [CAMRY] });
    expect(yearsOf(given).get(CELICA)).toEqual([2010]);
    expect(yearsOf(given).get(CAMRY)).toEqual(range(2024, 2027));
  });

  it('caps years at the current year + 1', () => {
    expect(yearsOf(inputs([link(1, 10, 2020, 2039)], { 10: [CAMRY] })).get(CAMRY)).toEqual(range(2020, 2027));
  });

  it("counts a model under a link only when its make is one of the WMI's makes", () => {
    const given = inputs([link(1, 10, 2020, 2021), link(3, 10, 2022, 2023)], { 10: [CAMRY, ES] });
    expect(yearsOf(given).get(ES)).toEqual([2022, 2023]);
    expect(yearsOf(given).get(CAMRY)).toEqual(range(2020, 2023));
  });
});
