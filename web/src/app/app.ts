import { ChangeDetectionStrategy, Component } from '@angular/core';
import { Shell } from './core/layout/shell';

@Component({
  selector: 'mvp-root',
  imports: [Shell],
  template: '<mvp-shell />',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {}
