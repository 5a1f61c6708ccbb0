import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, inject, provideAppInitializer, provideBrowserGlobalErrorListeners } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { provideRouter, TitleStrategy, withComponentInputBinding } from '@angular/router';
import { provideAuth, StsConfigLoader } from 'angular-auth-oidc-client';
import { routes } from './app.routes';
import { authConfigLoader } from './core/auth/auth-config';
import { apiAuthInterceptor } from './core/auth/auth.interceptor';
import { PageTitleStrategy } from './core/page-title';
import { ThemeService } from './core/theme/theme.service';

// Zoneless change detection is Angular 21's default: no zone.js, no provider needed.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes, withComponentInputBinding()),
    { provide: TitleStrategy, useExisting: PageTitleStrategy },
    provideHttpClient(withFetch(), withInterceptors([apiAuthInterceptor])),
    // The issuer, client id and audience come from GET /api/auth/config, so one build works with
    // the embedded issuer, Auth0, Keycloak or Authentik. The shell's guard runs checkAuth.
    provideAuth({ loader: { provide: StsConfigLoader, useFactory: authConfigLoader } }),
    provideAppInitializer(() => {
      // `<mat-icon>home</mat-icon>` renders the Material Symbols glyph bundled from the npm package.
      inject(MatIconRegistry).setDefaultFontSetClass('material-symbols-outlined');
      inject(ThemeService);
    }),
  ],
};
