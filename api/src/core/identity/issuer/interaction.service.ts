import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Interaction } from 'oidc-provider';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { UsersService } from '../users/users.service';
import { embeddedIssuer } from './issuer.constants';
import { IssuerService } from './issuer.service';
import { FieldErrors } from './pages';
import { SignUpForm, validateSignUp } from './sign-up-form';

/** What a sign-in page step leads to: a page to show (with its status) or a redirect back into the flow. */
export type InteractionOutcome =
  | { kind: 'redirect'; location: string }
  | { kind: 'sign-in'; status: number; email?: string; error?: string }
  | { kind: 'sign-up'; status: number; form?: SignUpForm; error?: string; errors?: FieldErrors }
  | { kind: 'message'; status: number; title: string; message: string };

const expired: InteractionOutcome = {
  kind: 'message',
  status: 400,
  title: 'Sign-in expired',
  message: 'This sign-in page has expired or was already used. Go back to MotoVaultPro and sign in again.',
};

const wrongCredentials = 'Wrong email or password.';

/** The sign-in and sign-up steps of the embedded issuer's authorization flow. */
@Injectable()
export class InteractionService {
  readonly registrationOpen: boolean;

  constructor(
    private readonly issuer: IssuerService,
    private readonly users: UsersService,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.registrationOpen = config.AUTH_REGISTRATION === 'open';
  }

  async show(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<InteractionOutcome> {
    const interaction = await this.details(uid, request, reply);
    if (!interaction) return expired;
    if (interaction.prompt.name === 'login') return { kind: 'sign-in', status: 200 };
    if (interaction.prompt.name === 'consent') return this.grantConsent(interaction, request, reply);
    return expired;
  }

  async signIn(uid: string, email: string, password: string, request: FastifyRequest, reply: FastifyReply) {
    const interaction = await this.details(uid, request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return expired;
    const user = await this.users.verifyLocalPassword(email, password);
    if (!user) return { kind: 'sign-in', status: 401, email, error: wrongCredentials } satisfies InteractionOutcome;
    return this.finish(request, reply, { login: { accountId: user.id } });
  }

  async showSignUp(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<InteractionOutcome> {
    const interaction = await this.details(uid, request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return expired;
    return this.registrationOpen ? { kind: 'sign-up', status: 200 } : closed;
  }

  async signUp(uid: string, form: SignUpForm, request: FastifyRequest, reply: FastifyReply) {
    if (!this.issuer.enabled) throw new NotFoundException();
    if (!this.registrationOpen) return closed;
    const interaction = await this.details(uid, request, reply);
    if (!interaction || interaction.prompt.name !== 'login') return expired;
    const errors = validateSignUp(form);
    if (Object.keys(errors).length > 0)
      return { kind: 'sign-up', status: 400, form, errors } satisfies InteractionOutcome;
    try {
      const user = await this.users.createLocalAccount({
        email: form.email,
        password: form.password,
        displayName: form.displayName || undefined,
      });
      return this.finish(request, reply, { login: { accountId: user.id } });
    } catch (error) {
      if (!(error instanceof ConflictException)) throw error;
      return {
        kind: 'sign-up',
        status: 409,
        form,
        errors: { email: 'An account with this email already exists. Sign in instead.' },
      } satisfies InteractionOutcome;
    }
  }

  async abort(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<InteractionOutcome> {
    const interaction = await this.details(uid, request, reply);
    if (!interaction) return expired;
    return this.finish(request, reply, { error: 'access_denied', error_description: 'Sign-in was cancelled.' }, false);
  }

  /** The interaction of this browser (its cookie) when it is the one in the URL; undefined when gone. */
  private async details(uid: string, request: FastifyRequest, reply: FastifyReply): Promise<Interaction | undefined> {
    if (!this.issuer.enabled) throw new NotFoundException();
    try {
      const interaction = await this.issuer.provider.interactionDetails(request.raw, reply.raw);
      return interaction.uid === uid ? interaction : undefined;
    } catch (error) {
      if ((error as Error).name === 'SessionNotFound') return undefined;
      throw error;
    }
  }

  /** Our own web app is first-party: it gets what it asked for without a consent page. */
  private async grantConsent(interaction: Interaction, request: FastifyRequest, reply: FastifyReply) {
    const accountId = interaction.session?.accountId;
    if (interaction.params.client_id !== embeddedIssuer.webClientId || !accountId) return expired;
    const { Grant } = this.issuer.provider;
    const grant =
      (interaction.grantId ? await Grant.find(interaction.grantId) : undefined) ??
      new Grant({ accountId, clientId: embeddedIssuer.webClientId });
    const details = interaction.prompt.details as {
      missingOIDCScope?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    if (details.missingOIDCScope?.length) grant.addOIDCScope(details.missingOIDCScope.join(' '));
    for (const [resource, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
      grant.addResourceScope(resource, scopes.join(' '));
    }
    const grantId = await grant.save();
    return this.finish(request, reply, { consent: { grantId } });
  }

  private async finish(
    request: FastifyRequest,
    reply: FastifyReply,
    result: Parameters<IssuerService['provider']['interactionResult']>[2],
    mergeWithLastSubmission = true,
  ): Promise<InteractionOutcome> {
    const location = await this.issuer.provider.interactionResult(request.raw, reply.raw, result, {
      mergeWithLastSubmission,
    });
    return { kind: 'redirect', location };
  }
}

const closed: InteractionOutcome = {
  kind: 'message',
  status: 403,
  title: 'Sign-up is closed',
  message: 'New accounts cannot be created here. Ask the person who runs this MotoVaultPro for an account.',
};
