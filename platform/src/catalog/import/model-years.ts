import type { SchemaLink, VpicWmi } from './vpic-tables';

/** One WMI–schema link giving a model of a make a run of model years. */
export interface ModelYearGrant {
  wmiId: number;
  schemaId: number;
  makeId: number;
  modelId: number;
  from: number;
  to: number;
}

export interface ModelYearRule {
  /** 1981: the first model year of 17-character VINs. */
  firstYear: number;
  /** The current year + 1. */
  lastYear: number;
  /** An open-ended link runs on only if its WMI started a schema in the last this many years. */
  activeWithinYears: number;
}

export function modelYearRule(currentYear: number): ModelYearRule {
  return { firstYear: 1981, lastYear: currentYear + 1, activeWithinYears: 10 };
}

export interface ModelYearInputs {
  links: readonly SchemaLink[];
  wmis: ReadonlyMap<number, Pick<VpicWmi, 'makeIds'>>;
  makeIdByModel: ReadonlyMap<number, number>;
  modelIdsBySchema: ReadonlyMap<number, readonly number[]>;
}

function newestStartByWmi(links: readonly SchemaLink[]): Map<number, number> {
  const newest = new Map<number, number>();
  for (const link of links) newest.set(link.wmiId, Math.max(newest.get(link.wmiId) ?? 0, link.yearFrom));
  return newest;
}

/**
 * The model years each link gives each model of its schema (vPIC leaves many links open-ended long
 * after the model ended: Toyota's JT5 schema from 1999 would put the Celica in 2020):
 * - a closed link gives YearFrom–YearTo;
 * - an open-ended link runs to the last year only when it is its WMI's newest schema and the WMI
 *   started a schema recently;
 * - any other open-ended link runs to the latest year the other links confirm for the same make
 *   and model, and at least its first year.
 * A model counts under a link only when its make (Make_Model) is one of the WMI's makes.
 */
export function grantModelYears(inputs: ModelYearInputs, rule: ModelYearRule): ModelYearGrant[] {
  const newestStart = newestStartByWmi(inputs.links);
  const confirmedUntil = new Map<string, number>();
  const grants: ModelYearGrant[] = [];
  const deferred: ModelYearGrant[] = [];
  for (const link of inputs.links) {
    const wmiMakes = inputs.wmis.get(link.wmiId)?.makeIds;
    const newest = newestStart.get(link.wmiId) ?? link.yearFrom;
    const runsOn = link.yearFrom === newest && newest >= rule.lastYear - 1 - rule.activeWithinYears;
    for (const modelId of inputs.modelIdsBySchema.get(link.schemaId) ?? []) {
      const makeId = inputs.makeIdByModel.get(modelId);
      if (makeId === undefined || !wmiMakes?.has(makeId)) continue;
      const grant = { wmiId: link.wmiId, schemaId: link.schemaId, makeId, modelId, from: link.yearFrom, to: 0 };
      if (link.yearTo === null && !runsOn) {
        deferred.push(grant);
        continue;
      }
      grant.to = link.yearTo ?? rule.lastYear;
      grants.push(grant);
      const key = `${makeId}/${modelId}`;
      confirmedUntil.set(key, Math.max(confirmedUntil.get(key) ?? 0, grant.to));
    }
  }
  for (const grant of deferred) {
    grant.to = Math.max(grant.from, confirmedUntil.get(`${grant.makeId}/${grant.modelId}`) ?? 0);
    grants.push(grant);
  }
  return grants
    .map((grant) => ({
      ...grant,
      from: Math.max(grant.from, rule.firstYear),
      to: Math.min(grant.to, rule.lastYear),
    }))
    .filter((grant) => grant.from <= grant.to);
}
