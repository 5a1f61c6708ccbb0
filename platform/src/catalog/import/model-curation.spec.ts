import { chooseVehicleType, hasRoadBody, isHeavyTruck, isPickup, type TruckEvidence } from './model-curation';

const PASSENGER_CAR = 2;
const MPV = 7;
const TRUCK = 3;
const BUS = 5;

function truck(evidence: Partial<TruckEvidence>): TruckEvidence {
  return { truckTypeIds: [], gvwrFromLb: new Set(), displacementsL: new Set(), bodyClasses: new Set(), ...evidence };
}

describe('curating models', () => {
  it('takes the vehicle type with the most weight among the WMIs, ties in car, mpv, truck order', () => {
    expect(
      chooseVehicleType([
        { vehicleTypeId: MPV, weight: 3 },
        { vehicleTypeId: TRUCK, weight: 5 },
      ]),
    ).toBe('truck');
    expect(
      chooseVehicleType([
        { vehicleTypeId: MPV, weight: 2 },
        { vehicleTypeId: PASSENGER_CAR, weight: 2 },
      ]),
    ).toBe('car');
  });

  it('gives no type to a model made only under types the catalog leaves out', () => {
    expect(chooseVehicleType([{ vehicleTypeId: BUS, weight: 4 }])).toBeNull();
    expect(
      chooseVehicleType([
        { vehicleTypeId: BUS, weight: 4 },
        { vehicleTypeId: MPV, weight: 1 },
      ]),
    ).toBe('mpv');
  });

  it('treats models with only pickup bodies as trucks', () => {
    expect(isPickup(new Set(['Pickup']))).toBe(true);
    expect(isPickup(new Set(['Pickup', 'Sport Utility Vehicle (SUV)/Multi-Purpose Vehicle (MPV)']))).toBe(false);
    expect(isPickup(new Set())).toBe(false);
  });

  it('leaves out off-road and incomplete vehicles, but keeps models whose body is unknown', () => {
    expect(hasRoadBody(new Set(['Off-road Vehicle - All Terrain Vehicle (ATV) (Motorcycle-style)']))).toBe(false);
    expect(hasRoadBody(new Set(['Incomplete - Chassis Cab (Single Cab)', 'Pickup']))).toBe(true);
    expect(hasRoadBody(new Set(['Motorcycle - Cruiser']))).toBe(true);
    expect(hasRoadBody(new Set())).toBe(true);
  });

  it('tells medium and heavy trucks from light ones', () => {
    expect(isHeavyTruck(truck({ bodyClasses: new Set(['Pickup']), gvwrFromLb: new Set([6001, 7001]) }))).toBe(false);
    expect(isHeavyTruck(truck({ truckTypeIds: [2, 2] }))).toBe(true);
    expect(isHeavyTruck(truck({ truckTypeIds: [2, null] }))).toBe(false);
    expect(isHeavyTruck(truck({ gvwrFromLb: new Set([19501, 26001]) }))).toBe(true);
    expect(isHeavyTruck(truck({ bodyClasses: new Set(['Truck-Tractor', 'Truck']) }))).toBe(true);
    expect(isHeavyTruck(truck({ displacementsL: new Set([6.7, 12.8]) }))).toBe(true);
    expect(isHeavyTruck(truck({}))).toBe(false);
  });
});
