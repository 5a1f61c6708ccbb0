import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatCard,
  MatCardAvatar,
  MatCardContent,
  MatCardHeader,
  MatCardSubtitle,
  MatCardTitle,
} from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { Subject, scan, startWith, switchMap, timer } from 'rxjs';
import { HealthApi, ProbeReport } from '../../../core/health/health-api';
import { LoadProgress } from '../../../core/loading/load-progress';
import { loader } from '../../../core/loading/loader';

/** How often the card re-checks while the dashboard is open. */
export const healthRefreshMs = 30_000;

interface HealthRow {
  name: string;
  icon: string;
  up: boolean;
  detail: string;
}

@Component({
  selector: 'mvp-service-health-card',
  imports: [
    DatePipe,
    LoadProgress,
    MatButton,
    MatCard,
    MatCardAvatar,
    MatCardContent,
    MatCardHeader,
    MatCardSubtitle,
    MatCardTitle,
    MatIcon,
    MatIconButton,
  ],
  templateUrl: './service-health-card.html',
  styleUrl: './service-health-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ServiceHealthCard {
  private readonly healthApi = inject(HealthApi);
  private readonly refreshRequests = new Subject<void>();

  /** Goes up every 30 s, and at once on a manual refresh, which restarts the 30 s. */
  private readonly due = toSignal(
    this.refreshRequests.pipe(
      startWith(undefined),
      switchMap(() => timer(0, healthRefreshMs)),
      scan((count) => count + 1, 0),
    ),
  );
  // Each check replaces one still in flight; the latest answer stays on screen while the next runs.
  private readonly health = loader({
    params: this.due,
    request: () => this.healthApi.check(),
    failure: 'The health check failed unexpectedly.',
  });

  protected readonly checking = this.health.loading;
  protected readonly snapshot = this.health.value;
  protected readonly answered = computed(() => {
    const snapshot = this.snapshot();
    return snapshot?.kind === 'answered' ? snapshot : undefined;
  });
  protected readonly unreachable = computed(() => {
    const snapshot = this.snapshot();
    return snapshot?.kind === 'unreachable' ? snapshot : undefined;
  });

  protected readonly summary = computed(() => {
    const snapshot = this.snapshot();
    if (!snapshot) return 'Checking services…';
    if (snapshot.kind === 'unreachable') return 'The API cannot be reached';
    return snapshot.healthy ? 'All services are up' : (snapshot.problem ?? 'Some services are down');
  });

  protected readonly rows = computed<HealthRow[]>(() => {
    const answer = this.answered();
    if (!answer) return [];
    const { database, cache } = answer.checks;
    const apiDetail = answer.healthy
      ? [
          answer.version && `Version ${answer.version}`,
          answer.uptimeSeconds !== undefined && `up ${formatUptime(answer.uptimeSeconds)}`,
        ]
          .filter(Boolean)
          .join(' · ')
      : 'Responding, reports a problem';
    const cacheStore = cache.store === 'redis' ? 'Redis' : cache.store === 'memory' ? 'In memory' : undefined;
    return [
      { name: 'API', icon: 'api', up: true, detail: apiDetail },
      {
        name: 'Database',
        icon: 'database',
        up: database.status === 'up',
        detail: probeDetail(database) ?? 'Reachable',
      },
      {
        name: 'Cache',
        icon: 'memory',
        up: cache.status === 'up',
        detail: [cacheStore, probeDetail(cache)].filter(Boolean).join(' · '),
      },
    ];
  });

  protected refresh(): void {
    this.refreshRequests.next();
  }
}

/** Latency when up, the error when down; nothing when an up probe has no latency (the memory cache). */
function probeDetail(probe: ProbeReport): string | undefined {
  if (probe.status === 'down') return probe.error ?? 'Not reachable';
  if (probe.latencyMs === undefined) return undefined;
  return probe.latencyMs < 1 ? 'under 1 ms' : `${Math.round(probe.latencyMs)} ms`;
}

function formatUptime(totalSeconds: number): string {
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3_600);
  const minutes = Math.floor((totalSeconds % 3_600) / 60);
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${minutes} min`;
  if (minutes > 0) return `${minutes} min`;
  return `${Math.max(0, Math.round(totalSeconds))} s`;
}
