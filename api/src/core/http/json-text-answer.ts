import { Header } from '@nestjs/common';

/**
 * For a route that answers JSON already written as text (a cached report, a catalog list): Nest
 * would send a returned string as text/plain, so the route says what it is.
 */
export const JsonTextAnswer = () => Header('content-type', 'application/json; charset=utf-8');
