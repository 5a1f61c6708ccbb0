/**
 * V8 flags every launch of the API and the platform uses (`npm start`, the tests, the bench, the
 * container image). They only take effect on the command line.
 * - A 4 MiB semi-space halves the young generation V8 reserves up front: ~20 MB less resident
 *   memory at idle, with throughput within the bench's noise.
 * - A full collection once the old generation is 30 % above what the last one kept, not the up to
 *   4× V8 allows on a machine with memory to spare: a long import or export promotes pg's rows
 *   steadily, and the heap otherwise grew by 130–190 MB of garbage before its first full collection.
 *   With it the export and import stay within +35 MB, and a 10 s load's peak RSS fell from 300–400
 *   to under 200 MB at the same throughput (bench, 3 December 2026).
 */
export const apiNodeFlags = ['--max-semi-space-size=4', '--heap-growing-percent=30'];
