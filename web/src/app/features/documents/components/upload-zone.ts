import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { map } from 'rxjs';
import { acceptedFiles } from '../data/upload-checks';

/** A phone or tablet: a touch screen, where a camera is at hand. */
const touchQuery = '(pointer: coarse)';

/**
 * Where files come in: dropped on the zone, picked with "Choose files" (several at once) or, on a
 * touch screen, taken with "Take photo" (the camera straight away). The buttons are the keyboard's
 * way in; the zone projects what goes under them (the storage use).
 */
@Component({
  selector: 'mvp-upload-zone',
  imports: [MatButton, MatIcon],
  template: `
    <div
      class="zone"
      role="group"
      [attr.aria-label]="label()"
      [class.dragging]="dragging()"
      (dragenter)="dragEnter($event)"
      (dragover)="dragOver($event)"
      (dragleave)="dragLeave()"
      (drop)="drop($event)"
    >
      <mat-icon class="icon" aria-hidden="true">upload_file</mat-icon>
      <p class="prompt">{{ prompt() }}</p>
      <div class="buttons">
        <button mat-stroked-button type="button" [disabled]="disabled()" (click)="choose()">
          <mat-icon aria-hidden="true">attach_file</mat-icon>
          Choose files
        </button>
        @if (touch()) {
          <button mat-stroked-button type="button" [disabled]="disabled()" (click)="camera.click()">
            <mat-icon aria-hidden="true">photo_camera</mat-icon>
            Take photo
          </button>
        }
      </div>
      <ng-content />
    </div>
    <input #picker type="file" multiple hidden [accept]="accept" (change)="picked($event)" />
    <input #camera type="file" accept="image/*" capture="environment" hidden (change)="picked($event)" />
  `,
  styles: `
    @use 'ui';

    :host {
      display: block;
    }
    .zone {
      display: flex;
      flex-direction: column;
      align-items: center;
      gap: 8px;
      padding: 20px 16px;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-large);
      text-align: center;
      transition:
        border-color 150ms,
        background-color 150ms;
    }
    .zone.dragging {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .icon {
      @include ui.icon-size(32px);
      color: var(--mat-sys-primary);
    }
    .prompt {
      margin: 0;
      font: var(--mat-sys-body-large);
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
  `,
  host: { '(document:dragover)': 'missedDrop($event)', '(document:drop)': 'missedDrop($event)' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UploadZone {
  private readonly breakpoints = inject(BreakpointObserver);
  private readonly picker = viewChild.required<ElementRef<HTMLInputElement>>('picker');

  /** Names the zone for screen readers: "Add documents". */
  readonly label = input('Add documents');
  readonly prompt = input('Drag files here, or');
  readonly disabled = input(false);
  readonly filesPicked = output<File[]>();

  protected readonly accept = acceptedFiles;
  protected readonly dragging = signal(false);
  protected readonly touch = toSignal(this.breakpoints.observe(touchQuery).pipe(map((state) => state.matches)), {
    initialValue: this.breakpoints.isMatched(touchQuery),
  });
  /** Enter and leave fire for every child the drag crosses: the zone is left when they balance. */
  private dragDepth = 0;

  /** Opens the file picker (also for an "Add documents" button elsewhere on the page). */
  choose(): void {
    this.picker().nativeElement.click();
  }

  protected dragEnter(event: DragEvent): void {
    if (!this.carriesFiles(event)) return;
    event.preventDefault();
    this.dragDepth += 1;
    this.dragging.set(true);
  }

  protected dragOver(event: DragEvent): void {
    if (!this.carriesFiles(event)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.disabled() ? 'none' : 'copy';
  }

  protected dragLeave(): void {
    this.dragDepth = Math.max(0, this.dragDepth - 1);
    if (this.dragDepth === 0) this.dragging.set(false);
  }

  protected drop(event: DragEvent): void {
    event.preventDefault();
    this.dragDepth = 0;
    this.dragging.set(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length && !this.disabled()) this.filesPicked.emit(files);
  }

  /** A file dropped beside the zone would make the browser leave the app to show it. */
  protected missedDrop(event: DragEvent): void {
    if (!this.carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  }

  protected picked(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Cleared, so picking the same file again is a change too.
    input.value = '';
    if (files.length) this.filesPicked.emit(files);
  }

  private carriesFiles(event: DragEvent): boolean {
    return Array.from(event.dataTransfer?.types ?? []).includes('Files');
  }
}
