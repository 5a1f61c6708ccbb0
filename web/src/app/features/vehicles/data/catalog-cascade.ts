import { HttpErrorResponse } from '@angular/common/http';
import { Signal, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';
import { CatalogEngine, CatalogIds, CatalogItem, CatalogModel } from './vehicle';
import { IdentityText } from './vehicle-form';
import { VehiclesApi } from './vehicles-api';

/** One level's options, and which query they answer (so a list still loading is not taken for the new one). */
interface CatalogList<T> {
  key: string | undefined;
  items: T[];
  loading: boolean;
}

const noList: CatalogList<never> = { key: undefined, items: [], loading: false };

/**
 * The year → make → model → trim → engine lookups behind the add/edit form. The text in the form
 * is the truth: each level's options load once its parent is a catalog entry, and a level's text
 * that names one of its options (picked or typed) is that catalog entry, with its id. Text that
 * names none is free text, with no id. So a VIN decode, an edit's stored names and a typed name
 * all find their ids the same way, and ids never go stale when the text changes.
 *
 * Create it in an injection context.
 */
export class CatalogCascade {
  private readonly api = inject(VehiclesApi);
  private readonly failed = signal(false);

  /** True once a catalog call answered 503: the form goes on with free text. */
  readonly unavailable = this.failed.asReadonly();

  readonly years: Signal<number[]>;
  readonly makes: Signal<CatalogItem[]>;
  readonly models: Signal<CatalogModel[]>;
  readonly trims: Signal<CatalogItem[]>;
  readonly engines: Signal<CatalogEngine[]>;

  /** The catalog entry each level's text names, if any. */
  readonly year: Signal<number | undefined>;
  readonly make: Signal<CatalogItem | undefined>;
  readonly model: Signal<CatalogModel | undefined>;
  readonly trim: Signal<CatalogItem | undefined>;
  readonly engine: Signal<CatalogEngine | undefined>;

  readonly ids: Signal<CatalogIds>;
  /** The form's year, make, model, trim and engine as typed. */
  readonly text: Signal<IdentityText>;
  /** A list is loading: the ids may still change. */
  readonly loading: Signal<boolean>;

  constructor(text: Signal<IdentityText>) {
    this.text = text;
    const yearList = this.load(signal('years'), () => this.api.years());
    this.years = computed(() => yearList().items);
    this.year = computed(() => {
      const year = Number(text().year.trim());
      return /^\d{4}$/.test(text().year.trim()) && this.years().includes(year) ? year : undefined;
    });

    const makesKey = computed(() => keyOf(this.year()));
    const makeList = this.load(makesKey, () => this.api.makes(this.year()!));
    this.makes = computed(() => current(makeList(), makesKey()));
    this.make = computed(() => named(this.makes(), text().make));

    const modelsKey = computed(() => keyOf(this.year(), this.make()?.id));
    const modelList = this.load(modelsKey, () => this.api.models(this.year()!, this.make()!.id));
    this.models = computed(() => current(modelList(), modelsKey()));
    this.model = computed(() => named(this.models(), text().model));

    const trimsKey = computed(() => keyOf(this.year(), this.model()?.id));
    const trimList = this.load(trimsKey, () => this.api.trims(this.year()!, this.model()!.id));
    this.trims = computed(() => current(trimList(), trimsKey()));
    this.trim = computed(() => named(this.trims(), text().trim));

    // A trim's own engines when the catalog links them; the model's otherwise.
    const enginesKey = computed(() => keyOf(this.year(), this.model()?.id, this.trim()?.id ?? 0));
    const engineList = this.load(enginesKey, () => this.api.engines(this.year()!, this.model()!.id, this.trim()?.id));
    this.engines = computed(() => current(engineList(), enginesKey()));
    this.engine = computed(() => named(this.engines(), text().engine));

    this.ids = computed(() => ({
      makeId: this.make()?.id ?? null,
      modelId: this.model()?.id ?? null,
      trimId: this.trim()?.id ?? null,
      engineId: this.engine()?.id ?? null,
    }));
    const lists: [Signal<CatalogList<unknown>>, Signal<string | undefined>][] = [
      [makeList, makesKey],
      [modelList, modelsKey],
      [trimList, trimsKey],
      [engineList, enginesKey],
    ];
    this.loading = computed(
      () => yearList().loading || lists.some(([list, key]) => list().loading || list().key !== key()),
    );
  }

  /** Loads the list for each new key (dropping an answer still on its way for an old one). */
  private load<T>(key: Signal<string | undefined>, fetch: () => Observable<T[]>): Signal<CatalogList<T>> {
    return toSignal(
      toObservable(key).pipe(
        switchMap((queried): Observable<CatalogList<T>> => {
          if (queried === undefined) return of(noList);
          return fetch().pipe(
            map((items) => ({ key: queried, items, loading: false })),
            catchError((error: unknown) => {
              if (error instanceof HttpErrorResponse && error.status === 503) this.failed.set(true);
              return of({ key: queried, items: [], loading: false });
            }),
            startWith({ key: queried, items: [], loading: true }),
          );
        }),
      ),
      { initialValue: noList },
    );
  }
}

/** A list's key from its query's parts; undefined while a part is missing. */
function keyOf(...parts: (number | undefined)[]): string | undefined {
  return parts.every((part) => part !== undefined) ? parts.join('/') : undefined;
}

function current<T>(list: CatalogList<T>, key: string | undefined): T[] {
  return key !== undefined && list.key === key ? list.items : [];
}

/** Compares names as people type them: case, spacing and accents aside. */
export function sameName(a: string, b: string): boolean {
  return comparable(a) === comparable(b);
}

function comparable(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function named<T extends CatalogItem>(items: T[], text: string): T | undefined {
  if (!text.trim()) return undefined;
  return items.find((item) => sameName(item.name, text));
}

/**
 * The options to show under a field: all of them while its text names one (so another can be
 * picked), else those containing the text.
 */
export function optionsMatching<T extends CatalogItem>(items: T[], text: string, picked: T | undefined): T[] {
  const typed = comparable(text);
  if (picked || !typed) return items;
  return items.filter((item) => comparable(item.name).includes(typed));
}
