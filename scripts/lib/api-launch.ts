/**
 * V8 flags every launch of the API and the platform uses (`npm start`, the tests, the bench, the
 * container image). They only take effect on the command line.
 * - An 8 MiB semi-space, half V8's 16 MiB: ~10 MB less resident memory at idle and under load
 *   than 16, and less CPU per request than 4, where 50 requests in flight outlived each small
 *   young generation and were copied over and over (quiet machine, 3 December 2026, CPU µs per
 *   request at 4 / 8 / 16 MiB: vehicles-list 995 / 846 / 797, health 173 / 139 / 155; peak RSS
 *   175 / 188 / 202 MB).
 * - A full collection once the old generation is 30 % above what the last one kept, not the up to
 *   4× V8 allows on a machine with memory to spare: a long import or export promotes pg's rows
 *   steadily, and the heap otherwise grew by 130–190 MB of garbage before its first full collection.
 *   With it the export and import stay within +40 MB (export +36, import +27 with the 8 MiB semi-space), and a 10 s load's peak RSS fell from 300–400
 *   to under 200 MB at the same throughput (bench, 3 December 2026).
 */
export const apiNodeFlags = ['--max-semi-space-size=8', '--heap-growing-percent=30'];
