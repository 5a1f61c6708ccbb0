import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  afterNextRender,
  effect,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  CircleMarker,
  LatLngExpression,
  Map as LeafletMap,
  circleMarker,
  latLngBounds,
  layerGroup,
  map,
  tileLayer,
} from 'leaflet';
import { catchError, of } from 'rxjs';
import { Here } from '../data/here';
import { leafletStylesheet } from '../data/leaflet-stylesheet';
import { PlacedRow } from '../data/station-rows';
import { StationsApi } from '../data/stations-api';

/** With nothing to show: the whole world. */
const worldView = { centre: [20, 0] as LatLngExpression, zoom: 2 };
/** How close the map comes when fitting stations: a single station fills a street, not a forecourt. */
const closestFit = 16;

/**
 * Stations on a Leaflet map, over the tiles the API configures (`/api/stations/map`, its credit in
 * the corner). Markers are circles styled by the theme; a click selects one (`picked`), and the
 * selected one is drawn larger and brought into view. Markers take no keyboard focus: the list
 * beside the map is the way to the same stations without a pointer.
 */
@Component({
  selector: 'mvp-station-map',
  template: `<div #canvas class="canvas" role="region" [attr.aria-label]="label()"></div>`,
  // Leaflet builds the map's elements itself: the styles for its markers and credit must reach them unscoped.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './station-map.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationMap {
  private readonly destroyRef = inject(DestroyRef);
  private readonly document = inject(DOCUMENT);
  private readonly canvas = viewChild.required<ElementRef<HTMLElement>>('canvas');
  private readonly settings = toSignal(
    inject(StationsApi)
      .map()
      .pipe(catchError(() => of(undefined))),
  );

  readonly stations = input.required<readonly PlacedRow[]>();
  readonly selected = input<string>();
  readonly here = input<Here>();
  readonly label = input('Map of stations');
  readonly picked = output<string>();

  private readonly leaflet = signal<LeafletMap | undefined>(undefined);
  private readonly markers = layerGroup();
  private readonly markerOf = new Map<string, CircleMarker>();
  /** What the view was last fitted to: a star changed redraws the markers but leaves the view where the user put it. */
  private fittedTo = '';

  constructor() {
    afterNextRender(() => {
      let destroyed = false;
      this.destroyRef.onDestroy(() => (destroyed = true));
      void leafletStylesheet(this.document).then(() => {
        if (!destroyed) this.leaflet.set(this.createMap());
      });
    });

    effect((onCleanup) => {
      const leaflet = this.leaflet();
      const settings = this.settings();
      if (!leaflet || !settings) return;
      const tiles = tileLayer(settings.tileUrl, { attribution: settings.attribution, maxZoom: 19 }).addTo(leaflet);
      onCleanup(() => tiles.remove());
    });

    effect(() => this.drawStations());
    effect(() => this.showSelected());
  }

  private createMap(): LeafletMap {
    const element = this.canvas().nativeElement;
    const created = map(element, { zoomControl: true, attributionControl: true });
    created.attributionControl.setPrefix(false);
    created.setView(worldView.centre, worldView.zoom);
    this.markers.addTo(created);
    // The map is sized by the page's layout: tell Leaflet when that changes (a tab, a rotated phone).
    const resized = new ResizeObserver(() => created.invalidateSize());
    resized.observe(element);
    this.destroyRef.onDestroy(() => {
      resized.disconnect();
      created.remove();
    });
    return created;
  }

  private drawStations(): void {
    const leaflet = this.leaflet();
    const stations = this.stations();
    const here = this.here();
    if (!leaflet) return;
    this.markers.clearLayers();
    this.markerOf.clear();
    if (here) {
      this.markers.addLayer(
        circleMarker([here.lat, here.lng], { radius: 10, className: 'mvp-here-marker', interactive: false }),
      );
    }
    for (const station of stations) {
      const marker = circleMarker([station.latitude, station.longitude], {
        radius: 8,
        className: `mvp-station-marker${station.isFavorite ? ' favorite' : ''}`,
      })
        .bindTooltip(station.name)
        .on('click', () => this.picked.emit(station.key));
      this.markers.addLayer(marker);
      this.markerOf.set(station.key, marker);
    }
    const points: LatLngExpression[] = stations.map((station) => [station.latitude, station.longitude]);
    if (here) points.push([here.lat, here.lng]);
    const fitTo = JSON.stringify(points);
    if (points.length && fitTo !== this.fittedTo) {
      // Not animated: Leaflet 1.9 throws (`_leaflet_pos` of undefined) when the map is removed while
      // a zoom animation is still running, as when someone leaves the page right after a search.
      leaflet.fitBounds(latLngBounds(points), { padding: [32, 32], maxZoom: closestFit, animate: false });
    }
    this.fittedTo = fitTo;
  }

  private showSelected(): void {
    this.stations();
    const key = this.selected();
    const leaflet = this.leaflet();
    if (!leaflet) return;
    for (const [markerKey, marker] of this.markerOf) {
      const isSelected = markerKey === key;
      marker.getElement()?.classList.toggle('selected', isSelected);
      marker.setRadius(isSelected ? 11 : 8);
      if (isSelected) {
        marker.bringToFront();
        marker.openTooltip();
        if (!leaflet.getBounds().contains(marker.getLatLng())) leaflet.panTo(marker.getLatLng());
      } else {
        marker.closeTooltip();
      }
    }
  }
}
