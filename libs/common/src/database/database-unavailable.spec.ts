import { DatabaseError } from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:54329`), { code, syscall: 'connect' });
}

function serverError(code: string, message: string): DatabaseError {
  return Object.assign(new DatabaseError(message, message.length, 'error'), { code });
}

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', socketError('ECONNREFUSED')],
    ['a reset connection', socketError('ECONNRESET')],
    ['a connection that died under a query', new Error('Connection terminated unexpectedly')],
    ['a pool that could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['a server shut down under the query', serverError('57P01', 'terminating connection due to administrator command')],
    ['a server still starting', serverError('57P03', 'the database system is starting up')],
    ['a connection exception', serverError('08006', 'connection failure')],
    ['a refused connection wrapped by TypeORM', new QueryFailedError('select 1', [], socketError('ECONNREFUSED'))],
    ['a refused connection as a cause', new Error('request failed', { cause: socketError('ECONNREFUSED') })],
    ['a transaction whose connection died', new QueryRunnerProviderAlreadyReleasedError()],
    ['a query runner whose connection died', new QueryRunnerAlreadyReleasedError()],
    ['one of several attempts refused', new AggregateError([socketError('ECONNREFUSED')], 'all attempts failed')],
  ])('is true for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', serverError('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', new QueryFailedError('selec 1', [], serverError('42601', 'syntax error'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
