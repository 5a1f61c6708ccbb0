import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatAutocomplete, MatAutocompleteTrigger, MatOption } from '@angular/material/autocomplete';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatSelect } from '@angular/material/select';
import { CatalogCascade, optionsMatching } from '../data/catalog-cascade';
import { IdentityField, VehicleForm, firstModelYear, lastModelYear } from '../data/vehicle-form';
import { vehicleTypeOptions } from '../data/vehicle-options';

/** A change of make or model leaves the catalog names below it belonging to another vehicle. */
const catalogChildren: Partial<Record<IdentityField, IdentityField[]>> = {
  make: ['model', 'trim', 'engine'],
  model: ['trim', 'engine'],
};

/**
 * Year → make → model → trim → engine, each an autocomplete over the catalog that also takes
 * free text, and the vehicle type. The ids follow from the text (see CatalogCascade).
 */
@Component({
  selector: 'mvp-identity-fields',
  imports: [
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    ReactiveFormsModule,
  ],
  templateUrl: './identity-fields.html',
  styleUrl: './identity-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IdentityFields {
  readonly form = input.required<VehicleForm>();
  readonly cascade = input.required<CatalogCascade>();

  protected readonly vehicleTypes = vehicleTypeOptions;
  protected readonly firstYear = firstModelYear;
  protected readonly lastYear = lastModelYear();

  private readonly text = computed(() => this.cascade().text());

  protected readonly years = computed(() => {
    const typed = this.text().year.trim();
    const years = this.cascade().years();
    return this.cascade().year() || !typed ? years : years.filter((year) => String(year).startsWith(typed));
  });
  protected readonly makes = computed(() =>
    optionsMatching(this.cascade().makes(), this.text().make, this.cascade().make()),
  );
  protected readonly models = computed(() =>
    optionsMatching(this.cascade().models(), this.text().model, this.cascade().model()),
  );
  protected readonly trims = computed(() =>
    optionsMatching(this.cascade().trims(), this.text().trim, this.cascade().trim()),
  );
  protected readonly engines = computed(() =>
    optionsMatching(this.cascade().engines(), this.text().engine, this.cascade().engine()),
  );

  /** Free text where the catalog has a list: said quietly, so nobody wonders why it is not "picked". */
  protected readonly typedOwn = computed(() => {
    const cascade = this.cascade();
    const text = this.text();
    const own = (list: unknown[], picked: unknown, typed: string) => list.length > 0 && !picked && !!typed.trim();
    return {
      make: own(cascade.makes(), cascade.make(), text.make),
      model: own(cascade.models(), cascade.model(), text.model),
      trim: own(cascade.trims(), cascade.trim(), text.trim),
      engine: own(cascade.engines(), cascade.engine(), text.engine),
    };
  });

  /** The catalog id of a field when it got focus, and which fields below it named catalog entries. */
  private before?: { field: IdentityField; id: number | undefined; named: IdentityField[] };

  protected remember(field: IdentityField): void {
    const children = catalogChildren[field];
    if (!children) return;
    this.before = { field, id: this.catalogId(field), named: children.filter((child) => this.catalogId(child)) };
  }

  /**
   * After a pick, or on leaving the field: a different make or model clears the catalog names
   * below it. (Clicking an option blurs the field before the pick lands, so the snapshot taken on
   * focus stays until a change is seen; the field gets focus again after a pick.)
   */
  protected settle(field: IdentityField): void {
    const before = this.before;
    if (!before || before.field !== field) return;
    const now = this.catalogId(field);
    if (before.id === undefined || now === undefined || now === before.id) return;
    const form = this.form();
    for (const child of before.named) {
      form.controls[child].setValue('');
      form.controls[child].markAsDirty();
    }
    this.before = { field, id: now, named: [] };
  }

  private catalogId(field: IdentityField): number | undefined {
    const cascade = this.cascade();
    switch (field) {
      case 'year':
        return cascade.year();
      case 'make':
        return cascade.make()?.id;
      case 'model':
        return cascade.model()?.id;
      case 'trim':
        return cascade.trim()?.id;
      case 'engine':
        return cascade.engine()?.id;
    }
  }
}
