import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

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
