import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { maxNestingDepth, nestingDepth } from './nesting-depth';
import { FieldError, ProblemException, problemTypes, ValidationProblem } from './problem';

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

/**
 * Refuses values nested deeper than `maxNestingDepth` before validating them: a JSON body nested
 * 10,000 levels parses, but overflowed the stack of the pipe's own recursive walks (a 500).
 */
class DepthLimitedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestingDepth(value, maxNestingDepth) > maxNestingDepth) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, {
        type: problemTypes.generic,
        title: 'Bad Request',
        detail: `The ${metadata.type === 'body' ? 'body' : metadata.type} nests deeper than ${maxNestingDepth} levels.`,
      });
    }
    return super.transform(value, metadata) as Promise<unknown>;
  }
}

/** Bodies and queries: transformed into their DTOs, unknown properties rejected, no absurd nesting. */
export function createValidationPipe(): ValidationPipe {
  return new DepthLimitedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationProblem(toFieldErrors(errors)),
  });
}
