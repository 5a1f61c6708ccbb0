import type { CatalogVehicleType } from '../../contract/catalog';
import { CATALOG_VEHICLE_TYPES } from './vpic-tables';

/** In this order a tie between vehicle types is broken. */
const TYPE_ORDER: readonly CatalogVehicleType[] = ['car', 'mpv', 'truck', 'motorcycle'];

/** The vPIC VehicleTypeId of a WMI a model is made under, and how much that counts. */
export interface VehicleTypeVote {
  vehicleTypeId: number;
  weight: number;
}

/**
 * A model's type: the catalog type with the most weight among the WMIs it is made under. The builder
 * weighs each WMI link by its model years divided by the models its schema serves, so a schema made
 * for the model outvotes the shared catch-all schemas of the 1980s and 1990s.
 */
export function chooseVehicleType(votes: Iterable<VehicleTypeVote>): CatalogVehicleType | null {
  const counts = new Map<CatalogVehicleType, number>();
  for (const { vehicleTypeId, weight } of votes) {
    const type = CATALOG_VEHICLE_TYPES.get(vehicleTypeId);
    if (type) counts.set(type, (counts.get(type) ?? 0) + weight);
  }
  let chosen: CatalogVehicleType | null = null;
  for (const type of TYPE_ORDER) {
    if ((counts.get(type) ?? 0) > (chosen === null ? 0 : (counts.get(chosen) ?? 0))) chosen = type;
  }
  return chosen;
}

/** Pickups are trucks even where vPIC's old shared schemas also list them under MPV WMIs (Ford Ranger). */
export function isPickup(bodyClasses: ReadonlySet<string>): boolean {
  return bodyClasses.size > 0 && [...bodyClasses].every((body) => /^Pickup/i.test(body));
}

/** vPIC Body Classes of vehicles the catalog leaves out: off-road, incomplete, bus, trailer, heavy bodies. */
const NON_ROAD_BODY_CLASSES = [
  /^Off-road Vehicle/i,
  /^Incomplete/i,
  /^Bus/i,
  /^Trailer/i,
  /^Low Speed Vehicle/i,
  /^Truck-Tractor/i,
  /^Motorhome/i,
  /^Fire Apparatus/i,
  /^Ambulance/i,
  /^Street Sweeper/i,
  /^Streetcar/i,
];

/** Whether the model is a road vehicle: some known body class of it is one, or none is known. */
export function hasRoadBody(bodyClasses: ReadonlySet<string>): boolean {
  if (bodyClasses.size === 0) return true;
  return [...bodyClasses].some((body) => !NON_ROAD_BODY_CLASSES.some((pattern) => pattern.test(body)));
}

/** Body Classes of passenger vehicles and light trucks; a truck with known bodies but none of these is a work truck. */
const LIGHT_BODY_CLASSES =
  /^(Pickup|Van|Cargo Van|Minivan|Sport Utility|Crossover|Wagon|Sedan|Coupe|Convertible|Hatchback|Roadster)/i;

/** Class 3 ends at 14,000 lb: above it a truck is medium or heavy duty. */
const LIGHT_TRUCK_MAX_GVWR_FROM_LB = 14_000;
/** No light truck has an engine this big; heavy trucks' diesels start about here. */
const HEAVY_TRUCK_MIN_DISPLACEMENT_L = 9;
const HEAVY_TRUCK_TYPE_ID = 2;

export interface TruckEvidence {
  /** vPIC TruckTypeId of each WMI the model is made under (null when not given). */
  truckTypeIds: Iterable<number | null>;
  /** Lower bounds of the GVWR classes vPIC gives the model, in pounds. */
  gvwrFromLb: ReadonlySet<number>;
  /** Engine displacements vPIC gives the model, in litres. */
  displacementsL: ReadonlySet<number>;
  bodyClasses: ReadonlySet<string>;
}

/**
 * Medium or heavy truck: every WMI it is made under is a heavy-truck one, every GVWR class is above
 * class 3, no body class is a light vehicle's (only "Truck", "Truck-Tractor", step vans, chassis), or
 * some engine is a heavy diesel's size.
 */
export function isHeavyTruck(evidence: TruckEvidence): boolean {
  const allKnown = <Value>(values: Iterable<Value>, test: (value: Value) => boolean) => {
    const known = [...values];
    return known.length > 0 && known.every(test);
  };
  return (
    allKnown(evidence.truckTypeIds, (typeId) => typeId === HEAVY_TRUCK_TYPE_ID) ||
    allKnown(evidence.gvwrFromLb, (fromLb) => fromLb > LIGHT_TRUCK_MAX_GVWR_FROM_LB) ||
    allKnown(evidence.bodyClasses, (body) => !LIGHT_BODY_CLASSES.test(body)) ||
    [...evidence.displacementsL].some((litres) => litres >= HEAVY_TRUCK_MIN_DISPLACEMENT_L)
  );
}
