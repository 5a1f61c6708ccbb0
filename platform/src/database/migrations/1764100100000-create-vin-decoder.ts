import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The offline VIN decoder: what decoding needs from vPIC, with lookup values already resolved to
 * display text. Filled by the catalog import (`importVinDecoderTables`).
 */
export class CreateVinDecoder1764100100000 implements MigrationInterface {
  name = 'CreateVinDecoder1764100100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('create schema if not exists vehicles');
    // World manufacturer identifiers: VIN positions 1–3, or 1–3 plus 12–14 when position 3 is '9'.
    // `makes`: [{ "id": vPIC Make.Id, "name": ... }]; `vehicle_type`: vPIC's VehicleType.Name.
    await queryRunner.query(`
      create table vehicles.vin_wmis (
        code text primary key,
        vpic_wmi_id integer not null unique,
        manufacturer text,
        makes jsonb not null,
        vehicle_type text
      )`);
    // Which vPIC VIN schemas a WMI uses in which model years (year_to null: still in use).
    await queryRunner.query(`
      create table vehicles.vin_wmi_schemas (
        wmi_code text not null references vehicles.vin_wmis (code),
        schema_id integer not null,
        year_from smallint not null,
        year_to smallint,
        primary key (wmi_code, schema_id, year_from)
      )`);
    // One decoded element value per row. `keys` match VIN positions 4–8, '|', 10–17. `value_id` is
    // the vPIC id behind the value (Model.Id, Make.Id) where the decoder needs it. Among patterns
    // of equally ranked schemas that match the same element, the lowest `precedence` wins.
    await queryRunner.query(`
      create table vehicles.vin_patterns (
        schema_id integer not null,
        keys text not null,
        element_id smallint not null,
        value text not null,
        value_id integer,
        precedence integer not null
      )`);
    await queryRunner.query('create index vin_patterns_schema_id on vehicles.vin_patterns (schema_id)');
    // Engine facts per engine model code (lower-cased), for elements the VIN patterns leave out.
    await queryRunner.query(`
      create table vehicles.vin_engine_models (
        engine_model text not null,
        element_id smallint not null,
        value text not null,
        primary key (engine_model, element_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['vin_engine_models', 'vin_patterns', 'vin_wmi_schemas', 'vin_wmis']) {
      await queryRunner.query(`drop table if exists vehicles.${table}`);
    }
  }
}
