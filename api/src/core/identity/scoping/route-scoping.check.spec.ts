import { Controller, Get, Post } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Public } from '../auth/authenticated-user';
import { RequestScope, Scoped } from './request-scope';
import { RouteScopingCheck, Unscoped } from './route-scoping.check';

@Controller('api/things')
class ThingsController {
  @Get() list(@Scoped() scope: RequestScope) {
    return scope.userId;
  }
  @Public() @Get('open') open() {
    return 'anyone';
  }
  @Unscoped('shared reference data') @Get('catalog') catalog() {
    return [];
  }
}

@Unscoped('shared reference data')
@Controller('api/reference')
class ReferenceController {
  @Get() all() {
    return [];
  }
}

@Controller('api/forgotten')
class ForgottenController {
  @Post(':id') change() {
    return 'whose?';
  }
  @Public() @Get() leaky(@Scoped() scope: RequestScope) {
    return scope;
  }
}

async function checkOf(...controllers: (new () => object)[]) {
  const module = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [RouteScopingCheck],
  }).compile();
  return { module, check: module.get(RouteScopingCheck) };
}

describe('RouteScopingCheck', () => {
  it('tells public, scoped and unscoped routes apart', async () => {
    const { check } = await checkOf(ThingsController, ReferenceController);
    expect(check.routes()).toEqual([
      { route: 'GET /api/things (ThingsController.list)', kind: 'scoped' },
      { route: 'GET /api/things/open (ThingsController.open)', kind: 'public' },
      { route: 'GET /api/things/catalog (ThingsController.catalog)', kind: 'unscoped' },
      { route: 'GET /api/reference (ReferenceController.all)', kind: 'unscoped' },
    ]);
    expect(() => check.onModuleInit()).not.toThrow();
  });

  it('stops the start on a route that is neither, or public yet asks for a scope', async () => {
    const { module } = await checkOf(ThingsController, ForgottenController);
    const app = module.createNestApplication(new FastifyAdapter(), { logger: false });
    await expect(app.init()).rejects.toThrow(
      'Every route must be @Public(), take a @Scoped() scope, or say @Unscoped(why); these are not: ' +
        'POST /api/forgotten/:id (ForgottenController.change) (neither), ' +
        'GET /api/forgotten (ForgottenController.leaky) (public and scoped)',
    );
  });
});
