import { importedVehicles } from './imported-vehicles';

const vehicle = (id: string, nickname: string | null, displayName = nickname ?? id) => ({ id, nickname, displayName });
const garage = [
  vehicle('v1', 'Blue Wagon'),
  vehicle('v2', null, '2019 Mazda MX-5'),
  vehicle('v3', 'Red Truck'),
  vehicle('v4', 'Golf'),
];

describe('importedVehicles', () => {
  it('links the vehicles the file matched and the ones it created (by their nickname)', () => {
    const job = {
      vehicles: [
        { name: '2019 Mazda MX-5', existingVehicleId: 'v2' },
        { name: 'Red Truck', existingVehicleId: null },
      ],
      vehicleId: 'v4',
    };
    expect(importedVehicles(job, 'v4', garage).map((each) => each.id)).toEqual(['v2', 'v3']);
  });

  it('links the picked vehicle when the file names none', () => {
    expect(importedVehicles({ vehicles: [], vehicleId: null }, 'v4', garage).map((each) => each.id)).toEqual(['v4']);
    expect(importedVehicles({ vehicles: [], vehicleId: 'v1' }, '', garage).map((each) => each.id)).toEqual(['v1']);
  });
});
