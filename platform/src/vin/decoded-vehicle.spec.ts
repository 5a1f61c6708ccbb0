import { catalogVehicleType, followsPositionSevenRule, readDecodedVehicle } from './decoded-vehicle';
import type { DecodedValue } from './element-resolution';
import { VinElement } from './vin-elements';

const values = (entries: [number, string, number?][]) =>
  new Map<number, DecodedValue>(
    entries.map(([elementId, value, valueId]) => [elementId, { value, valueId: valueId ?? null }]),
  );

describe('decoded vehicle', () => {
  it('maps vPIC vehicle types to the catalog types', () => {
    expect(catalogVehicleType('Passenger Car')).toBe('car');
    expect(catalogVehicleType('Multipurpose Passenger Vehicle (MPV)')).toBe('mpv');
    expect(catalogVehicleType('Truck')).toBe('truck');
    expect(catalogVehicleType('Motorcycle')).toBe('motorcycle');
    expect(catalogVehicleType('Trailer')).toBeNull();
    expect(catalogVehicleType(null)).toBeNull();
    expect(followsPositionSevenRule('Truck')).toBe(true);
    expect(followsPositionSevenRule('Motorcycle')).toBe(false);
  });

  it('names the engine and converts displacement and power', () => {
    const vehicle = readDecodedVehicle(
      values([
        [VinElement.DisplacementCc, '1998'],
        [VinElement.Cylinders, '4'],
        [VinElement.FuelTypePrimary, 'Gasoline'],
        [VinElement.EngineKw, '110'],
      ]),
      null,
    );
    expect(vehicle.engine).toEqual({
      name: '2.0L 4-cyl Gasoline 148 hp',
      displacementL: 2,
      cylinders: 4,
      fuelType: 'Gasoline',
      powerHp: 148,
      model: null,
    });
  });

  it('reads the make from the model, else from the WMI', () => {
    const withModel = values([
      [VinElement.Model, 'Street Bob', 9],
      [VinElement.Make, 'Harley-Davidson', 3888],
    ]);
    expect(readDecodedVehicle(withModel, null).make).toEqual({ vpicId: 3888, name: 'Harley-Davidson' });
    expect(readDecodedVehicle(values([]), { id: 474, name: 'Honda' }).make).toEqual({ vpicId: 474, name: 'Honda' });
  });

  it('writes fuel types the way the catalog does, the engine naming only the primary one', () => {
    const vehicle = readDecodedVehicle(
      values([
        [VinElement.DisplacementL, '2.5'],
        [VinElement.FuelTypePrimary, 'Flexible Fuel Vehicle (FFV)'],
        [VinElement.FuelTypeSecondary, 'Electric'],
      ]),
      null,
    );
    expect(vehicle.fuelType).toBe('Flex Fuel / Electric');
    expect(vehicle.engine).toMatchObject({ name: '2.5L Flex Fuel', fuelType: 'Flex Fuel' });
  });

  it('names an engine known only by its model code after the code', () => {
    const vehicle = readDecodedVehicle(values([[VinElement.EngineModel, 'LEVII']]), null);
    expect(vehicle.engine).toMatchObject({ name: 'LEVII', model: 'LEVII', displacementL: null });
  });

  it('joins fuel types and describes the transmission', () => {
    const vehicle = readDecodedVehicle(
      values([
        [VinElement.FuelTypePrimary, 'Gasoline'],
        [VinElement.FuelTypeSecondary, 'Electric'],
        [VinElement.TransmissionStyle, 'Automatic'],
        [VinElement.TransmissionSpeeds, '8'],
      ]),
      null,
    );
    expect(vehicle.fuelType).toBe('Gasoline / Electric');
    expect(vehicle.transmission).toBe('Automatic (8-speed)');
    expect(vehicle.engine).toBeNull();
  });
});
