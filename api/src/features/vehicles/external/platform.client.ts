import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { platformApiKeyOf, ProblemException, problemTypes } from '@mvp/common';
import { isPlatformError, PlatformError, PlatformMessage, PlatformPattern } from '@mvp/platform-contract';
import { firstValueFrom, timeout } from 'rxjs';
import { API_CONFIG, ApiConfig } from '../../../core/config/api.config';
import { ApiMetrics, PlatformOutcome } from '../../../core/metrics/api-metrics';

const unreachableDetail =
  'The vehicle catalog service is not reachable right now. Everything else works; enter the vehicle by hand or try again shortly.';

/**
 * The API's one way to the platform: a Nest TCP client that adds the platform key to every
 * message, gives up after PLATFORM_TIMEOUT_MS and turns every refusal into problem details.
 */
@Injectable()
export class PlatformClient implements OnApplicationShutdown {
  private readonly logger = new Logger('Platform');
  private readonly client: ClientProxy;
  private readonly apiKey: string;
  private readonly timeoutMs: number;

  constructor(
    @Inject(API_CONFIG) config: ApiConfig,
    private readonly metrics: ApiMetrics,
  ) {
    this.client = ClientProxyFactory.create({
      transport: Transport.TCP,
      options: { host: config.PLATFORM_HOST, port: config.PLATFORM_TCP_PORT },
    });
    this.apiKey = platformApiKeyOf(config);
    this.timeoutMs = config.PLATFORM_TIMEOUT_MS;
  }

  async send<Result, Payload = unknown>(pattern: PlatformPattern, payload: Payload): Promise<Result> {
    const message: PlatformMessage<Payload> = { apiKey: this.apiKey, payload };
    const started = performance.now();
    let outcome: PlatformOutcome = 'ok';
    try {
      return await firstValueFrom(this.client.send<Result>(pattern, message).pipe(timeout(this.timeoutMs)));
    } catch (error) {
      outcome = isPlatformError(error) ? error.code : 'unreachable';
      throw this.toProblem(error);
    } finally {
      this.metrics.observePlatformCall(pattern, outcome, (performance.now() - started) / 1000);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  private toProblem(error: unknown): ProblemException {
    if (!isPlatformError(error)) {
      this.logger.warn(`Platform call failed: ${describe(error)}`);
      return unavailable(unreachableDetail);
    }
    switch (error.code) {
      case 'invalid':
        return new ProblemException(HttpStatus.BAD_REQUEST, {
          type: problemTypes.validation,
          title: 'Invalid request',
          detail: error.message,
          ...extensionsOf(error),
        });
      case 'not_found':
        return new ProblemException(HttpStatus.NOT_FOUND, { title: 'Not Found', detail: error.message });
      case 'unavailable':
        return unavailable(error.message);
      case 'unauthorized':
        this.logger.error(
          'The platform refused our key: PLATFORM_VEHICLES_API_KEY differs between the API and the platform',
        );
        return unavailable(unreachableDetail);
    }
  }
}

function unavailable(detail: string): ProblemException {
  return new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, {
    type: problemTypes.unavailable,
    title: 'Service Unavailable',
    detail,
  });
}

function extensionsOf(error: PlatformError): Record<string, unknown> {
  const { code: _code, message: _message, ...extensions } = error;
  return extensions;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'no answer in time' : error.message;
  return typeof error === 'object' ? JSON.stringify(error) : String(error);
}
