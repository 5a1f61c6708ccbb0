import { ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, ValidationProblem } from './problem';

/** Flattens class-validator's tree into `field` paths such as `odometer` or `tags.0`. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: fieldMessage(message, error),
    }));
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

function fieldMessage(message: string, error: ValidationError): string {
  if (message === `property ${error.property} should not exist`) return 'is not an accepted field';
  return message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message;
}

/** Bodies and queries: transformed into their DTOs, unknown properties rejected. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
