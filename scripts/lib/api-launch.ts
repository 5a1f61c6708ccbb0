/**
 * V8 flags every launch of the API and the platform uses (`npm start`, the tests, the bench, the
 * container image). They only take effect on the command line.
 * - A 16 MiB semi-space, V8's own, stated so every launch agrees: with 50 requests in flight, a
 *   smaller young generation is scavenged before they end and copies them over and over. 8 MiB was
 *   used while the API started at 184 MB; loading the AWS SDK, sharp and nodemailer only when used
 *   brought that to 162, and the room bought the 16 back (quiet machine, 3 December 2026,
 *   vehicles-list CPU µs per request 875 / 739 / 719 at 8 MiB against 708 / 687 / 612 at 16,
 *   peak RSS 171–172 against 186–195 MB).
 * - A full collection once the old generation is 30 % above what the last one kept, not the up to
 *   4× V8 allows on a machine with memory to spare: a long import or export promotes pg's rows
 *   steadily, and the heap otherwise grew by 130–190 MB of garbage before its first full collection.
 *   With it the export and import stay within +40 MB (export +36, import +27, measured with an 8 MiB semi-space), and a 10 s load's peak RSS fell from 300–400
 *   to under 200 MB at the same throughput (bench, 3 December 2026).
 */
export const apiNodeFlags = ['--max-semi-space-size=16', '--heap-growing-percent=30'];
