import { ArgumentMetadata, HttpStatus, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
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
 *
 * Queries it has accepted are remembered for a minute, per DTO: a list or a dropdown is asked the
 * same few queries over and over, and class-transformer and class-validator cost more than the rest
 * of such a request. Each request gets its own copy. Bodies are always validated afresh.
 */
class DepthLimitedValidationPipe extends ValidationPipe {
  private readonly acceptedQueries = new WeakMap<Type, LRUCache<string, object>>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (nestingDepth(value, maxNestingDepth) > maxNestingDepth) {
      throw new ProblemException(HttpStatus.BAD_REQUEST, {
        type: problemTypes.generic,
        title: 'Bad Request',
        detail: `The ${metadata.type === 'body' ? 'body' : metadata.type} nests deeper than ${maxNestingDepth} levels.`,
      });
    }
    const rememberable = metadata.type === 'query' && metadata.metatype !== undefined && this.toValidate(metadata);
    const remembered = rememberable ? this.rememberedFor(metadata.metatype!) : undefined;
    const key = remembered && queryKey(value);
    if (!remembered || key === undefined) return super.transform(value, metadata) as Promise<unknown>;
    const accepted = remembered.get(key);
    if (accepted) return copyOf(accepted);
    const transformed = (await super.transform(value, metadata)) as unknown;
    if (typeof transformed === 'object' && transformed !== null) remembered.set(key, copyOf(transformed));
    return transformed;
  }

  private rememberedFor(metatype: Type): LRUCache<string, object> {
    let remembered = this.acceptedQueries.get(metatype);
    if (!remembered) {
      remembered = new LRUCache<string, object>({ max: 500, ttl: 60_000 });
      this.acceptedQueries.set(metatype, remembered);
    }
    return remembered;
  }
}

/** A short query's text, as the cache's key; a long one (rare, and costly to keep) is not remembered. */
function queryKey(value: unknown): string | undefined {
  const text = JSON.stringify(value ?? {});
  return text.length <= 512 ? text : undefined;
}

/** The DTO with its own fields and arrays, so a handler that changes its copy changes no other request's. */
function copyOf(dto: object): object {
  const copy = Object.create(Object.getPrototypeOf(dto) as object | null) as Record<string, unknown>;
  for (const [field, value] of Object.entries(dto)) copy[field] = Array.isArray(value) ? [...value] : value;
  return copy;
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
