/** Records read per query while exporting: one page of a table is in memory at a time. */
export const exportPageSize = 1000;

/** A capsule's `exportPage`: up to `limit` records after the id `after` (null: from the first), in id order. */
export type ExportPageReader<T> = (after: string | null, limit: number) => Promise<T[]>;

/** Every record a keyset-paged reader gives, one by one, asking for the next page only when one is used up. */
export async function* keysetRecords<T>(
  readPage: ExportPageReader<T>,
  idOf: (record: T) => string,
  pageSize = exportPageSize,
): AsyncGenerator<T> {
  let after: string | null = null;
  for (;;) {
    const page = await readPage(after, pageSize);
    yield* page;
    if (page.length < pageSize) return;
    after = idOf(page[page.length - 1]);
  }
}
