import { Body, Controller, Get, Param, Post, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import { SkipThrottle, ThrottlerGuard } from '@nestjs/throttler';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/authenticated-user';
import { HtmlPageFilter } from './html-page.filter';
import { InteractionOutcome, InteractionService } from './interaction.service';
import { IssuerService } from './issuer.service';
import { messagePage, signInPage, signUpPage } from './pages';
import { formText } from './sign-up-form';

/** Throttler names: one budget for sign-in attempts, one for sign-ups (per client IP). */
export const signInThrottle = 'signIn';
export const signUpThrottle = 'signUp';

/** The embedded issuer's sign-in and sign-up pages (server-rendered HTML forms). */
@ApiExcludeController()
@Public()
@UseFilters(HtmlPageFilter)
@Controller('auth/interaction/:uid')
export class InteractionController {
  constructor(
    private readonly interactions: InteractionService,
    private readonly issuer: IssuerService,
  ) {}

  @Get()
  async show(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.send(reply, uid, await this.interactions.show(uid, request, reply));
  }

  @Post('login')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ [signUpThrottle]: true })
  async login(
    @Param('uid') uid: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const outcome = await this.interactions.signIn(
      uid,
      formText(body, 'email'),
      formText(body, 'password'),
      request,
      reply,
    );
    this.send(reply, uid, outcome);
  }

  @Get('signup')
  async showSignUp(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.send(reply, uid, await this.interactions.showSignUp(uid, request, reply));
  }

  @Post('signup')
  @UseGuards(ThrottlerGuard)
  @SkipThrottle({ [signInThrottle]: true })
  async signUp(
    @Param('uid') uid: string,
    @Body() body: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const form = {
      email: formText(body, 'email'),
      password: formText(body, 'password'),
      displayName: formText(body, 'displayName'),
    };
    this.send(reply, uid, await this.interactions.signUp(uid, form, request, reply));
  }

  @Get('abort')
  async abort(@Param('uid') uid: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    this.send(reply, uid, await this.interactions.abort(uid, request, reply));
  }

  private send(reply: FastifyReply, uid: string, outcome: InteractionOutcome): void {
    void reply.header('cache-control', 'no-store');
    if (outcome.kind === 'redirect') {
      void reply.status(303).header('location', outcome.location).send();
      return;
    }
    const base = `/auth/interaction/${encodeURIComponent(uid)}`;
    const html =
      outcome.kind === 'sign-in'
        ? signInPage({
            action: `${base}/login`,
            signUpHref: this.interactions.registrationOpen ? `${base}/signup` : undefined,
            abortHref: `${base}/abort`,
            email: outcome.email,
            error: outcome.error,
          })
        : outcome.kind === 'sign-up'
          ? signUpPage({
              action: `${base}/signup`,
              signInHref: base,
              email: outcome.form?.email,
              displayName: outcome.form?.displayName,
              error: outcome.error,
              errors: outcome.errors,
            })
          : messagePage({
              title: outcome.title,
              message: outcome.message,
              linkHref: `${this.issuer.publicUrl}/`,
              linkText: 'Back to MotoVaultPro',
            });
    void reply.status(outcome.status).header('content-type', 'text/html; charset=utf-8').send(html);
  }
}
