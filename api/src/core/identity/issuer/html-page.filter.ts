import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { messagePage } from './pages';

/** Errors of the sign-in pages answer as pages (a 429 too), never as problem+json. */
@Catch()
export class HtmlPageFilter implements ExceptionFilter {
  private readonly logger = new Logger('Issuer');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const status = exception instanceof HttpException ? exception.getStatus() : 500;
    if (status >= 500) this.logger.error({ err: exception }, 'Sign-in page failed');
    const message =
      status === HttpStatus.TOO_MANY_REQUESTS
        ? 'Too many attempts. Wait a minute, then try again.'
        : status === HttpStatus.NOT_FOUND
          ? 'Nothing is here.'
          : status >= 500
            ? 'Something went wrong on our side. Try again in a moment.'
            : 'This request could not be handled.';
    if (reply.sent) return;
    void reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(
        messagePage({
          title: status === 429 ? 'Slow down' : 'Sign-in problem',
          message,
          linkHref: '/',
          linkText: 'Back to MotoVaultPro',
        }),
      );
  }
}
