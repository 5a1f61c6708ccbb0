import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { VinDecode } from '../data/vehicle';

/** What a VIN decoded to, and the decoder's notes, above the fields it filled in. */
@Component({
  selector: 'mvp-vin-summary',
  imports: [MatIcon],
  template: `
    <div class="summary" role="status">
      <mat-icon class="mvp-icon-filled done" aria-hidden="true">check_circle</mat-icon>
      <div class="text">
        <p class="title">{{ title() }}</p>
        @if (facts().length) {
          <dl class="facts">
            @for (fact of facts(); track fact.label) {
              <div>
                <dt>{{ fact.label }}</dt>
                <dd>{{ fact.value }}</dd>
              </div>
            }
          </dl>
        }
        @if (decode().notes.length) {
          <ul class="notes" aria-label="Notes from the decoder">
            @for (note of decode().notes; track $index) {
              <li><mat-icon aria-hidden="true">info</mat-icon>{{ note }}</li>
            }
          </ul>
        }
        <p class="next">Filled in below: check it, and change anything that is not right.</p>
      </div>
    </div>
  `,
  styles: `
    .summary {
      display: flex;
      gap: 12px;
      margin: 0 0 16px;
      padding: 12px 16px;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container);
      color: var(--mat-sys-on-surface);
    }
    .done {
      flex: none;
      color: var(--mat-sys-primary);
    }
    .text {
      min-width: 0;
    }
    .title {
      margin: 0;
      font: var(--mat-sys-title-medium);
      overflow-wrap: anywhere;
    }
    .facts {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 20px;
      margin: 6px 0 0;
      font: var(--mat-sys-body-medium);
      div {
        display: flex;
        gap: 6px;
        min-width: 0;
      }
      dt {
        color: var(--mat-sys-on-surface-variant);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    }
    .notes {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
      li {
        display: flex;
        gap: 6px;
        align-items: flex-start;
      }
      mat-icon {
        flex: none;
        width: 16px;
        height: 16px;
        font-size: 16px;
      }
    }
    .next {
      margin: 8px 0 0;
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VinSummary {
  readonly decode = input.required<VinDecode>();

  protected readonly title = computed(() => {
    const decode = this.decode();
    const names = [decode.modelYear, decode.make?.name, decode.model?.name, decode.trim?.name].filter(Boolean);
    return names.length ? names.join(' ') : 'The VIN decoded without a make or model';
  });

  protected readonly facts = computed(() => {
    const decode = this.decode();
    const built = [decode.manufacturer, decode.plantCountry && `in ${decode.plantCountry}`].filter(Boolean).join(' ');
    return [
      { label: 'Body', value: decode.bodyClass ?? decode.series },
      { label: 'Engine', value: decode.engine?.name },
      { label: 'Fuel', value: decode.fuelType },
      { label: 'Drive', value: decode.driveType },
      { label: 'Transmission', value: decode.transmission },
      { label: 'Built by', value: built },
    ].filter((fact): fact is { label: string; value: string } => !!fact.value);
  });
}
