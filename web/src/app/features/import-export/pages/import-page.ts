import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MatStep, MatStepper } from '@angular/material/stepper';
import { CurrentUser } from '../../../core/auth/current-user';
import { LoadProblem } from '../../../core/loading/load-problem';
import { loader } from '../../../core/loading/loader';
import { VehiclesApi } from '../../vehicles';
import { FileStep } from '../components/file-step';
import { FormatStep } from '../components/format-step';
import { ImportResult } from '../components/import-result';
import { MappingStep } from '../components/mapping-step';
import { PreviewStep } from '../components/preview-step';
import { ImportWizard } from '../data/import-wizard';

/**
 * `/import` (`?vehicle=` picks the vehicle): format → file (uploaded with its progress) → the column
 * mapping (a generic CSV only, whose mapping goes with the upload) → preview with the bad lines →
 * the result. Each step's problems show in that step.
 */
@Component({
  selector: 'mvp-import-page',
  imports: [FileStep, FormatStep, ImportResult, LoadProblem, MappingStep, MatStep, MatStepper, PreviewStep],
  providers: [ImportWizard],
  template: `
    <div class="mvp-page import">
      <header class="mvp-page-header">
        <h1>Import</h1>
        <p>Bring your fill-ups and service records over from the app you used before.</p>
      </header>
      @if (vehicles.problem()) {
        <mvp-load-problem [loader]="vehicles" />
      }
      <mat-stepper orientation="vertical" [linear]="true" #stepper>
        <mat-step label="Format" [completed]="!!wizard.format()" [editable]="!wizard.committed()">
          <mvp-format-step [vehicles]="vehicles.value() ?? []" />
        </mat-step>
        <mat-step label="File" [completed]="fileDone()" [editable]="!wizard.committed()">
          <mvp-file-step (uploaded)="advance()" />
        </mat-step>
        @if (wizard.isCsv()) {
          <mat-step label="Columns" [completed]="!!wizard.job()" [editable]="!wizard.committed()">
            <mvp-mapping-step (uploaded)="advance()" />
          </mat-step>
        }
        <mat-step label="Preview" [completed]="wizard.committed()" [editable]="!wizard.committed()">
          @if (wizard.job(); as job) {
            <mvp-preview-step [job]="job" [vehicles]="vehicles.value() ?? []" (imported)="imported()" />
          }
        </mat-step>
        <mat-step label="Done">
          @if (wizard.commit().result; as result) {
            <mvp-import-result [result]="result" [job]="wizard.job()!" [vehicles]="vehicles.value() ?? []" />
          }
        </mat-step>
      </mat-stepper>
    </div>
  `,
  styles: `
    .import {
      max-width: 960px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPage implements OnInit {
  /** `?vehicle=`: the vehicle to import into, from its Fuel tab. */
  readonly vehicle = input<string>();

  protected readonly wizard = inject(ImportWizard);
  private readonly injector = inject(Injector);
  private readonly stepper = viewChild.required(MatStepper);
  private readonly vehiclesApi = inject(VehiclesApi);
  /** Loaded again after an import, which may have added vehicles. */
  private readonly vehicleLoads = signal(0);
  protected readonly vehicles = loader({
    params: () => this.vehicleLoads() + 1,
    request: () => this.vehiclesApi.listAll(),
    failure: 'Your vehicles could not be loaded.',
  });

  constructor() {
    inject(CurrentUser).ensureLoaded();
  }

  ngOnInit(): void {
    const vehicle = this.vehicle();
    if (vehicle) this.wizard.chooseVehicle(vehicle);
  }

  /** The file step is done once the file is read: its header (a generic CSV) or its preview. */
  protected fileDone(): boolean {
    return this.wizard.isCsv() ? !!this.wizard.header()?.length : !!this.wizard.job();
  }

  /** To the next step once the bindings show the current one completed (a linear stepper checks). */
  protected advance(): void {
    afterNextRender(() => this.stepper().next(), { injector: this.injector });
  }

  protected imported(): void {
    this.vehicleLoads.update((count) => count + 1);
    this.advance();
  }
}
