import { Body, Controller, Get, HttpStatus, Module, Post, Query } from '@nestjs/common';
import { ProblemException, problemTypes } from '@mvp/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { readFileSync } from 'node:fs';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { Public } from '../src/core/identity/auth/authenticated-user';
import type { RunningApi } from '../src/start-api';
import { startInProcessApi } from './support/in-process-api';
import { createTestDatabase, TestDatabase } from './support/test-database';

class Garage {
  @IsString() city: string;
}

class CreateThing {
  @IsString() @MaxLength(20) name: string;
  @IsInt() @Min(0) odometer: number;
  @IsOptional() @ValidateNested() @Type(() => Garage) garage?: Garage;
}

class ListThings {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

// Public: these tests are about the error shape; auth has its own (auth.e2e-spec.ts).
@Public()
@Controller('api/test-things')
class ThingsController {
  @Post()
  create(@Body() body: CreateThing) {
    return { created: body };
  }

  @Get()
  list(@Query() query: ListThings) {
    return { pageSize: query.pageSize ?? 25 };
  }

  @Get('busy')
  busy() {
    throw new ProblemException(
      HttpStatus.SERVICE_UNAVAILABLE,
      { type: problemTypes.unavailable, detail: 'The far service asks us to wait.', provider: 'far' },
      { 'retry-after': '7' },
    );
  }

  @Get('crash')
  crash() {
    throw new Error('connect to secret-host:5432 failed at Parser.parse (/app/node_modules/pg/lib/parser.js)');
  }

  @Get('sql-crash')
  sqlCrash() {
    throw new QueryFailedError(
      'select password from users where id = $1',
      ['42'],
      new Error('relation "users" does not exist'),
    );
  }

  @Get('pg-crash')
  pgCrash() {
    const error = new DatabaseError('column "password_hash" of relation "users" does not exist', 120, 'error');
    Object.assign(error, { code: '42703', routine: 'errorMissingColumn', file: 'parse_relation.c' });
    throw error;
  }

  @Get('file-crash')
  fileCrash() {
    return readFileSync('/srv/motovaultpro/secrets/missing-key.pem');
  }
}

@Module({ controllers: [ThingsController] })
class ThingsModule {}

describe('errors are RFC 9457 problem details', () => {
  let database: TestDatabase;
  let api: RunningApi;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startInProcessApi({
      databaseUrl: database.url,
      imports: [ThingsModule],
    });
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${api.url}/api/test-things`, { method: 'POST', body, headers });

  async function problemOf(response: Response) {
    expect(response.headers.get('content-type')).toBe('application/problem+json; charset=utf-8');
    return (await response.json()) as Record<string, unknown> & { errors?: Array<{ field: string; message: string }> };
  }

  it('accepts a valid body', async () => {
    const response = await post(JSON.stringify({ name: 'Civic', odometer: 120 }));
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ created: { name: 'Civic', odometer: 120 } });
  });

  it('rejects unknown properties, naming them', async () => {
    const response = await post(JSON.stringify({ name: 'Civic', odometer: 1, colour: 'red' }));
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({
      type: 'urn:motovaultpro:problem:validation',
      status: 400,
      title: 'Invalid request',
    });
    expect(problem.errors).toEqual([{ field: 'colour', message: 'is not an accepted field' }]);
    expect(problem.instance).toBe('/api/test-things');
  });

  it('names every bad field, nested ones by path', async () => {
    const response = await post(JSON.stringify({ name: 5, odometer: -1, garage: { city: 7 } }));
    const problem = await problemOf(response);
    expect(response.status).toBe(400);
    expect(problem.errors?.map((error) => error.field).sort()).toEqual(['garage.city', 'name', 'name', 'odometer']);
    expect(problem.detail).toBe('Check these fields: name, odometer, garage.city.');
  });

  it('validates queries too', async () => {
    const ok = await fetch(`${api.url}/api/test-things?pageSize=10`);
    expect(await ok.json()).toEqual({ pageSize: 10 });
    const response = await fetch(`${api.url}/api/test-things?pageSize=abc&sort=name`);
    expect(response.status).toBe(400);
    const fields = (await problemOf(response)).errors?.map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['pageSize', 'sort']));
  });

  it('sends the headers a problem carries, Retry-After for one', async () => {
    const response = await fetch(`${api.url}/api/test-things/busy`);
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('7');
    expect(await problemOf(response)).toMatchObject({
      type: 'urn:motovaultpro:problem:service-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The far service asks us to wait.',
      provider: 'far',
    });
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const response = await post('{"name": ');
    expect(response.status).toBe(400);
    expect(await problemOf(response)).toMatchObject({ status: 400, title: 'Bad Request' });
  });

  it('answers a body nested 10,000 levels deep with a 400 problem, not a stack overflow (found by the fuzzer)', async () => {
    for (const body of [
      '['.repeat(10_000) + ']'.repeat(10_000),
      `{"name":"x","garage":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`,
    ]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ status: 400, detail: 'The body nests deeper than 64 levels.' });
    }
    const nested = await post(JSON.stringify({ name: 'x', odometer: 1, garage: { city: 'Bonn' } }));
    expect(nested.status).toBe(201);
  });

  it('answers a query string too large for the HTTP parser with a 431 problem (found by the fuzzer)', async () => {
    const response = await fetch(`${api.url}/api/test-things?pageSize=${'9'.repeat(1024 * 1024)}`);
    expect(response.status).toBe(431);
    expect(await problemOf(response)).toMatchObject({
      type: 'about:blank',
      title: 'Request Header Fields Too Large',
      status: 431,
    });
    expect((await fetch(`${api.url}/api/test-things?pageSize=10`)).status).toBe(200);
  });

  it('answers a URL the router cannot decode with a 400 problem (found by the fuzzer)', async () => {
    for (const path of ['/api/test-things/%', '/api/test-things/%C0%AE']) {
      const response = await fetch(`${api.url}${path}`);
      expect(response.status).toBe(400);
      expect(await problemOf(response)).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 });
    }
  });

  it('answers an unsupported media type with a 415 problem', async () => {
    const response = await post('name=x', { 'content-type': 'application/xml' });
    expect(response.status).toBe(415);
    expect(await problemOf(response)).toMatchObject({ status: 415 });
  });

  it('answers an oversized body with a 413 problem naming the limit', async () => {
    const response = await post(JSON.stringify({ name: 'x'.repeat(2_000_000), odometer: 1 }));
    expect(response.status).toBe(413);
    expect(await problemOf(response)).toMatchObject({ status: 413, detail: expect.stringContaining('100 KiB') });
  });

  it('answers a route outside /api that does not exist with a 404 problem', async () => {
    const response = await fetch(`${api.url}/wp-admin/setup.php`);
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({ status: 404, instance: '/wp-admin/setup.php' });
  });

  it('answers a method a route does not take with a problem', async () => {
    const response = await fetch(`${api.url}/api/test-things/crash`, { method: 'DELETE' });
    expect(response.status).toBe(404);
    await problemOf(response);
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const response = await fetch(`${api.url}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await problemOf(response)).toMatchObject({
      type: 'about:blank',
      status: 404,
      instance: '/api/nothing-here',
    });
  });

  it.each(['crash', 'sql-crash', 'pg-crash', 'file-crash'])(
    'keeps stacks, hosts, paths and SQL out of a 500 (%s)',
    async (route) => {
      const response = await fetch(`${api.url}/api/test-things/${route}`, {
        headers: { 'x-request-id': `trace-${route}` },
      });
      expect(response.status).toBe(500);
      const text = await response.clone().text();
      const problem = await problemOf(response);
      expect(problem).toMatchObject({
        type: 'urn:motovaultpro:problem:internal',
        status: 500,
        requestId: `trace-${route}`,
      });
      expect(text).not.toMatch(/secret-host|parser\.js|select|password|users|column|\.c\b|srv|\.pem|ENOENT|at /i);
    },
  );
});
