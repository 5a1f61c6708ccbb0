import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { API_CONFIG, ApiConfig } from '../../config/api.config';
import { Public } from '../auth/authenticated-user';
import { embeddedIssuer } from '../issuer/issuer.constants';

export class AuthConfigDto {
  @ApiProperty({ example: 'http://localhost:3001/auth', description: 'OIDC issuer URL (discovery lives below it)' })
  issuer: string;
  @ApiProperty({ example: 'motovaultpro-web' }) clientId: string;
  @ApiProperty({ example: 'motovaultpro', description: 'the `aud` the API expects in access tokens' })
  audience: string;
  @ApiPropertyOptional({
    example: 'urn:motovaultpro',
    description: 'resource indicator to send (embedded issuer only)',
  })
  resource?: string;
  @ApiProperty({ example: 'openid profile email offline_access' }) scope: string;
  @ApiProperty({ enum: ['open', 'closed'], description: 'whether the embedded issuer lets people sign up' })
  registration: 'open' | 'closed';
  @ApiProperty({ description: 'true when the API runs its own issuer (local accounts)' }) embedded: boolean;
}

/** What the web app needs to start its OIDC client, whichever issuer is configured. */
@ApiTags('auth')
@Public()
@Controller('api/auth/config')
export class AuthConfigController {
  private readonly settings: AuthConfigDto;

  constructor(@Inject(API_CONFIG) config: ApiConfig) {
    this.settings = authConfigFor(config);
  }

  @Get()
  @ApiOperation({ summary: 'Sign-in settings for the web app (issuer, client id, audience, scope)' })
  @ApiOkResponse({ type: AuthConfigDto })
  get(): AuthConfigDto {
    return this.settings;
  }
}

export function authConfigFor(
  config: Pick<
    ApiConfig,
    | 'PUBLIC_URL'
    | 'AUTH0_DOMAIN'
    | 'AUTH0_AUDIENCE'
    | 'OIDC_ISSUER_URL'
    | 'OIDC_AUDIENCE'
    | 'AUTH_WEB_CLIENT_ID'
    | 'AUTH_REGISTRATION'
  >,
): AuthConfigDto {
  const externalScope = 'openid profile email offline_access';
  if (config.AUTH0_DOMAIN) {
    const domain = config.AUTH0_DOMAIN.replace(/^https?:\/\//, '').replace(/\/+$/, '');
    return {
      issuer: `https://${domain}/`,
      clientId: config.AUTH_WEB_CLIENT_ID ?? '',
      audience: config.AUTH0_AUDIENCE ?? '',
      scope: externalScope,
      registration: 'closed',
      embedded: false,
    };
  }
  if (config.OIDC_ISSUER_URL) {
    return {
      issuer: config.OIDC_ISSUER_URL,
      clientId: config.AUTH_WEB_CLIENT_ID ?? '',
      audience: config.OIDC_AUDIENCE ?? '',
      scope: externalScope,
      registration: 'closed',
      embedded: false,
    };
  }
  return {
    issuer: `${config.PUBLIC_URL.replace(/\/+$/, '')}${embeddedIssuer.mountPath}`,
    clientId: embeddedIssuer.webClientId,
    audience: embeddedIssuer.audience,
    resource: embeddedIssuer.resource,
    scope: embeddedIssuer.webScope,
    registration: config.AUTH_REGISTRATION,
    embedded: true,
  };
}
