import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatIcon } from '@angular/material/icon';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { OidcSecurityService } from 'angular-auth-oidc-client';
import { map } from 'rxjs';
import { appName, navItems } from '../navigation';
import { PageTitleStrategy } from '../page-title';
import { ThemeToggle } from '../theme/theme-toggle';
import { BottomNav } from './bottom-nav';
import { UserMenu } from './user-menu';

/** Below this width the side navigation gives way to a bottom bar. */
const phoneQuery = '(max-width: 599.98px)';

/** The frame around every page: toolbar, navigation (side on wide screens, bottom on phones), content. */
@Component({
  selector: 'mvp-shell',
  imports: [
    BottomNav,
    MatIcon,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    ThemeToggle,
    UserMenu,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.phone]': 'isPhone()', '[class.signed-in]': 'signedIn()' },
})
export class Shell {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly appName = appName;
  protected readonly navItems = navItems;
  protected readonly pageTitle = inject(PageTitleStrategy).pageTitle;
  private readonly oidc = inject(OidcSecurityService);
  /** Navigation and the account menu only once signed in (not on the sign-in callback page). */
  protected readonly signedIn = computed(() => this.oidc.authenticated().isAuthenticated);
  protected readonly isPhone = toSignal(this.breakpoints.observe(phoneQuery).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(phoneQuery),
  });

  protected skipToContent(): void {
    this.main().nativeElement.focus();
  }
}
