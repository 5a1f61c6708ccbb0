import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { LoadProblem } from '../../../core/loading/load-problem';
import { LoadProgress } from '../../../core/loading/load-progress';
import { CheapestNearby } from '../components/cheapest-nearby';
import { StationList } from '../components/station-list';
import { StationMap } from '../components/station-map';
import { StationSearchBar } from '../components/station-search-bar';
import { StationFavorites } from '../data/station-favorites';
import { StationFinder, StationsList } from '../data/station-finder';
import { placedRows } from '../data/station-rows';

const lists: readonly StationsList[] = ['found', 'saved'];

/** `/stations`: search stations (a place, or near the user) on a map beside a list; the saved ones in a tab. */
@Component({
  selector: 'mvp-stations-page',
  imports: [
    CheapestNearby,
    LoadProblem,
    LoadProgress,
    MatIcon,
    MatTab,
    MatTabGroup,
    StationList,
    StationMap,
    StationSearchBar,
  ],
  providers: [StationFinder],
  templateUrl: './stations-page.html',
  styleUrl: './stations-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StationsPage {
  protected readonly finder = inject(StationFinder);
  protected readonly pending = inject(StationFavorites).pending;

  protected readonly tabIndex = computed(() => lists.indexOf(this.finder.list()));
  protected readonly onMap = computed(() => placedRows(this.finder.rows()));
  protected readonly found = computed(() => this.finder.found.value());

  protected showTab(index: number): void {
    this.finder.show(lists[index]);
  }

  protected pick(key: string): void {
    this.finder.selected.set(key);
  }
}
