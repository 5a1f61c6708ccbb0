import { writeFileSync } from 'node:fs';
import { processStatusMb, residentMb } from './servers';

/** The highest resident memory of a process over a stretch of work. */
export interface PeakMemory {
  peakMb: number;
  /** True when it is the kernel's own high-water mark (no peak between samples can be missed). */
  exact: boolean;
}

/**
 * Watches a process's resident memory from now until `stop()`: the kernel's high-water mark
 * (VmHWM), reset at the start by writing 5 to `/proc/<pid>/clear_refs` (Linux ≥ 4.0, same user),
 * and VmRSS sampled every `everyMs` besides, which is all there is where the reset is refused.
 */
export function watchPeakMemory(pid: number, everyMs = 10): { stop(): PeakMemory } {
  const exact = resetHighWaterMark(pid);
  let sampled = residentMb(pid) ?? 0;
  const sample = () => void (sampled = Math.max(sampled, residentMb(pid) ?? 0));
  const timer = setInterval(sample, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const highWater = exact ? (processStatusMb(pid, 'VmHWM') ?? 0) : 0;
      return { peakMb: Math.max(sampled, highWater), exact };
    },
  };
}

function resetHighWaterMark(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
