import type { ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { ValidationProblem } from './problem';
import { createValidationPipe, toFieldErrors } from './validation';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children };
}

describe('toFieldErrors', () => {
  it('names each field and strips the property name from the message', () => {
    expect(toFieldErrors([error('odometer', { min: 'odometer must not be less than 0' })])).toEqual([
      { field: 'odometer', message: 'must not be less than 0' },
    ]);
  });

  it('flattens nested properties into dotted paths', () => {
    const nested = error('address', {}, [error('city', { isString: 'city must be a string' })]);
    expect(toFieldErrors([nested])).toEqual([{ field: 'address.city', message: 'must be a string' }]);
  });

  it('words a rejected unknown property plainly', () => {
    expect(toFieldErrors([error('colour', { whitelistValidation: 'property colour should not exist' })])).toEqual([
      { field: 'colour', message: 'is not an accepted field' },
    ]);
  });
});

class PageQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @IsOptional() @IsString({ each: true }) tags?: string[];
}

describe('createValidationPipe on queries', () => {
  const query = { type: 'query' as const, metatype: PageQuery, data: undefined };

  it('answers a query it accepted before with an equal DTO of its own, arrays included', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ page: '2', tags: ['a'] }, query)) as PageQuery;
    const again = (await pipe.transform({ page: '2', tags: ['a'] }, query)) as PageQuery;
    expect(again).toBeInstanceOf(PageQuery);
    expect(again).toEqual(first);
    expect(again).toEqual(Object.assign(new PageQuery(), { page: 2, tags: ['a'] }));
    again.tags!.push('changed by a handler');
    again.page = 99;
    expect(await pipe.transform({ page: '2', tags: ['a'] }, query)).toEqual(first);
  });

  it('refuses a bad query every time, remembering only accepted ones', async () => {
    const pipe = createValidationPipe();
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(pipe.transform({ page: '0' }, query)).rejects.toBeInstanceOf(ValidationProblem);
      await expect(pipe.transform({ page: '2', colour: 'red' }, query)).rejects.toBeInstanceOf(ValidationProblem);
    }
  });

  it('keeps DTOs apart: the same query text for another DTO is validated by that DTO', async () => {
    class StrictQuery {
      @Type(() => Number) @IsInt() @Min(5) page!: number;
    }
    const pipe = createValidationPipe();
    await expect(pipe.transform({ page: '2' }, query)).resolves.toEqual(Object.assign(new PageQuery(), { page: 2 }));
    await expect(
      pipe.transform({ page: '2' }, { type: 'query', metatype: StrictQuery, data: undefined }),
    ).rejects.toBeInstanceOf(ValidationProblem);
  });
});
