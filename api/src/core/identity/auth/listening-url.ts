import { Injectable } from '@nestjs/common';

/**
 * The API's own address (e.g. `http://127.0.0.1:41234`), known only after `app.listen`: with port 0
 * the port is chosen then. `startApi()` fills it in; the guard reads it when it first needs the
 * embedded issuer's JWKS.
 */
@Injectable()
export class ListeningUrl {
  private value?: string;

  set(url: string): void {
    this.value = url;
  }

  get(): string {
    if (!this.value) throw new Error('The API is not listening yet');
    return this.value;
  }
}
