import { LRUCache } from 'lru-cache';

/** A report of type `Report` as the JSON text it is answered with. */
export type JsonText<Report> = string & { readonly jsonOf?: Report };

export interface ReportCacheOptions {
  /** What the kept texts may add up to, in characters (about bytes); 0 keeps nothing. */
  maxSize: number;
  /** Told of every read: the key space (a fixed name, such as `costs`) and whether it was kept. */
  observe?: (keyspace: string, hit: boolean) => void;
}

/**
 * Reports kept in this process as the JSON text they are answered with, the least recently used
 * dropped first once the texts outgrow `maxSize`. Keys must name everything a report is made of,
 * its data by their versions (`DataVersions`): an entry is then never stale, only unused, so
 * nothing is ever invalidated and replicas need not talk to each other.
 */
export class ReportCache {
  private readonly texts?: LRUCache<string, string>;
  /** Misses being computed, so requests for the same key at once share one computation. */
  private readonly computing = new Map<string, Promise<string>>();

  constructor(private readonly options: ReportCacheOptions) {
    if (options.maxSize > 0) {
      this.texts = new LRUCache<string, string>({
        maxSize: options.maxSize,
        sizeCalculation: (text, key) => text.length + key.length,
      });
    }
  }

  /** The report under `key` as JSON text: the kept one, else `compute`'s (then kept). */
  async text<Report>(keyspace: string, key: string, compute: () => Promise<Report>): Promise<JsonText<Report>> {
    if (!this.texts) return JSON.stringify(await compute());
    const fullKey = `${keyspace}\n${key}`;
    const kept = this.texts.get(fullKey);
    this.options.observe?.(keyspace, kept !== undefined);
    if (kept !== undefined) return kept;
    let computing = this.computing.get(fullKey);
    if (!computing) {
      const texts = this.texts;
      // `compute` runs a tick later, so the promise is in the map before anything of it can end.
      computing = Promise.resolve()
        .then(compute)
        .then((report) => {
          const text = JSON.stringify(report);
          texts.set(fullKey, text);
          return text;
        })
        .finally(() => this.computing.delete(fullKey));
      this.computing.set(fullKey, computing);
    }
    return computing;
  }
}
