import { Injectable, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { appName } from './navigation';

/** Sets the document title from each route's `title` and exposes it for the phone toolbar. */
@Injectable({ providedIn: 'root' })
export class PageTitleStrategy extends TitleStrategy {
  private readonly documentTitle = inject(Title);
  private readonly current = signal('');
  readonly pageTitle = this.current.asReadonly();

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const page = this.buildTitle(snapshot) ?? '';
    this.current.set(page);
    this.documentTitle.setTitle(page ? `${page} · ${appName}` : appName);
  }
}
