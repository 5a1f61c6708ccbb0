import initSqlJs from 'sql.js';
import { keyCovers, parseVinKey } from './vin-keys';
import { readVpicTables } from './vpic-tables';
import type { VpicDatabase } from './vpic-source';

/** A vPIC database in miniature: one car WMI, one trailer WMI, and their schemas. */
async function miniVpic(): Promise<VpicDatabase> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run(`
    create table Make (Id integer, Name text);
    create table Model (Id integer, Name text);
    create table Make_Model (Id integer, MakeId integer, ModelId integer);
    create table Wmi (Id integer, Wmi text, MakeId integer, VehicleTypeId integer, TruckTypeId integer);
    create table Wmi_Make (WmiId integer, MakeId integer);
    create table Wmi_VinSchema (Id integer, WmiId integer, VinSchemaId integer, YearFrom integer, YearTo integer);
    create table Pattern (Id integer, VinSchemaId integer, Keys text, ElementId integer, AttributeId text);
    create table FuelType (Id integer, Name text);
    create table BodyStyle (Id integer, Name text);
    create table GrossVehicleWeightRating (Id integer, Name text, MinRangeWeight integer);
    insert into Make values (474, 'HONDA'), (999, 'TRAILERS INC');
    insert into Model values (1861, 'Accord'), (5000, 'Flatbed');
    insert into Make_Model values (1, 474, 1861), (2, 999, 5000);
    insert into Wmi values (1, '1HG', null, 2, null), (2, '1T9', 999, 6, null);
    insert into Wmi_Make values (1, 474);
    insert into Wmi_VinSchema values (1, 1, 100, 2020, null), (2, 2, 200, 2020, null);
    insert into FuelType values (4, 'Gasoline'), (15, 'Flexible Fuel Vehicle (FFV)');
    insert into BodyStyle values (13, 'Sedan/Saloon');
    insert into GrossVehicleWeightRating values (13, 'Class 1D', 5001);
    insert into Pattern values
      (1, 100, 'CV1', 28, '1861'), (2, 100, 'CV1F1', 38, 'LX'), (3, 100, 'CV1F9', 38, 'TOURING'),
      (4, 100, 'CV1F8', 38, 'Touring'), (5, 100, 'CV1E3', 38, 'Touring'), (6, 100, 'CV1', 13, '1.5'),
      (7, 100, 'CV1', 11, '1498'), (8, 100, 'CV2', 11, '1996'), (9, 100, 'CV1', 24, '15'),
      (10, 100, 'CV1', 5, '13'), (11, 100, 'CV1', 25, '13'), (12, 100, 'CV1', 9, '4'),
      (13, 200, '*', 28, '5000');
  `);
  return db;
}

describe('reading the vPIC tables', () => {
  it('reads only WMIs of the catalog vehicle types, with their makes and schema links', async () => {
    const tables = readVpicTables(await miniVpic());
    expect([...tables.wmis.keys()]).toEqual([1]);
    expect(tables.wmis.get(1)).toMatchObject({ vehicleTypeId: 2, makeIds: new Set([474]) });
    expect(tables.links).toEqual([{ wmiId: 1, schemaId: 100, yearFrom: 2020, yearTo: null }]);
    expect([...tables.patterns.keys()]).toEqual([100]);
    expect(tables.models.get(1861)).toEqual({ name: 'Accord', makeId: 474 });
  });

  it('reads pattern values into catalog terms', async () => {
    const patterns = readVpicTables(await miniVpic()).patterns.get(100)!;
    expect(patterns.models.map((model) => model.value)).toEqual([1861]);
    expect(patterns.fuelTypes.map((fuel) => fuel.value)).toEqual(['Flex Fuel']);
    expect(patterns.bodyClasses.map((body) => body.value)).toEqual(['Sedan/Saloon']);
    expect(patterns.gvwrFromLb.map((gvwr) => gvwr.value)).toEqual([5001]);
    expect(patterns.cylinders.map((cylinders) => cylinders.value)).toEqual([4]);
  });

  it('takes displacement in litres where given, else converts cc for the same keys', async () => {
    const patterns = readVpicTables(await miniVpic()).patterns.get(100)!;
    expect(patterns.displacementL.map((displacement) => displacement.value)).toEqual([1.5, 2]);
    expect(keyCovers(patterns.displacementL[1].keys, parseVinKey('CV2'))).toBe(true);
  });

  it('writes trims in display case, each name spelled as most often', async () => {
    const patterns = readVpicTables(await miniVpic()).patterns.get(100)!;
    expect(patterns.trims.map((trim) => trim.value)).toEqual(['LX', 'Touring', 'Touring', 'Touring']);
  });
});
