import { FastifyAdapter } from '@nestjs/platform-fastify';
import { requestIdFor } from '../logging/pino-options';

/** Fastify as every service runs it: request ids from `x-request-id`, echoed on every response. */
export function createFastifyAdapter(): FastifyAdapter {
  const adapter = new FastifyAdapter({
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    genReqId: requestIdFor,
  });
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  return adapter;
}
