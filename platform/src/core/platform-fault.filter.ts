import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus } from '@nestjs/common';
import { BaseRpcExceptionFilter, RpcException } from '@nestjs/microservices';
import { ProblemDetailsFilter, ProblemException, problemTypes } from '@mvp/common';
import { Observable, throwError } from 'rxjs';
import type { PlatformErrorCode } from '../contract';
import { PlatformFault } from './platform-fault';

const httpStatusOf: Record<PlatformErrorCode, HttpStatus> = {
  unauthorized: HttpStatus.UNAUTHORIZED,
  invalid: HttpStatus.BAD_REQUEST,
  not_found: HttpStatus.NOT_FOUND,
  unavailable: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * Over TCP a `PlatformFault` travels as its `PlatformError` object and anything else as an
 * `unavailable` error without internals; over HTTP both become problem details.
 */
@Catch()
export class PlatformFaultFilter implements ExceptionFilter {
  private readonly rpcFilter = new BaseRpcExceptionFilter();
  private readonly httpFilter = new ProblemDetailsFilter();

  catch(exception: unknown, host: ArgumentsHost): Observable<unknown> | void {
    if (host.getType() === 'rpc') {
      if (exception instanceof PlatformFault) return throwError(() => exception.toPlatformError());
      return this.rpcFilter.catch(exception as RpcException, host);
    }
    if (exception instanceof PlatformFault) {
      const { errors, ...extensions } = exception.details;
      return this.httpFilter.catch(
        new ProblemException(httpStatusOf[exception.code], {
          ...(exception.code === 'invalid' ? { type: problemTypes.validation, title: 'Invalid request' } : {}),
          ...(exception.code === 'unavailable' ? { type: problemTypes.unavailable, title: 'Service unavailable' } : {}),
          detail: exception.message,
          ...(errors ? { errors } : {}),
          ...extensions,
        }),
        host,
      );
    }
    return this.httpFilter.catch(exception, host);
  }
}
