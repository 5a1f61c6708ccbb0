import { ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';

/**
 * An optional request field that `null` clears. Its type must be named: decorator metadata
 * reads `string | null` as Object, which the document would call an empty object.
 */
export function ApiClearableProperty(
  type: StringConstructor | NumberConstructor,
  options: Omit<ApiPropertyOptions, 'type' | 'nullable'> = {},
): PropertyDecorator {
  return ApiPropertyOptional({ ...options, type, nullable: true } as ApiPropertyOptions);
}
