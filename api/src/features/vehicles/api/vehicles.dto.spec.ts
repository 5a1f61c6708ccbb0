import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { VehicleFieldsDto } from './vehicles.dto';

const problemsOf = (body: object) =>
  validateSync(plainToInstance(VehicleFieldsDto, body)).map((error) => [error.property, error.constraints]);

describe('VehicleFieldsDto', () => {
  afterEach(() => jest.useRealTimers());

  it('takes model years up to two ahead of the year it is when the request comes, not when the server started', () => {
    jest.useFakeTimers({ now: new Date('2026-12-31T23:59:00Z') });
    expect(problemsOf({ year: 2028 })).toEqual([]);
    expect(problemsOf({ year: 2029 })).toEqual([['year', { atMostYearsAhead: 'cannot be that far in the future' }]]);

    jest.setSystemTime(new Date('2027-01-01T00:01:00Z'));
    expect(problemsOf({ year: 2029 })).toEqual([]);
  });

  it('normalises a pasted VIN the way the platform contract does', () => {
    const dto = plainToInstance(VehicleFieldsDto, { vin: ' 1hgcm8263-3a004352 ' });
    expect(dto.vin).toBe('1HGCM82633A004352');
    expect(plainToInstance(VehicleFieldsDto, { vin: ' - ' }).vin).toBeNull();
  });
});
