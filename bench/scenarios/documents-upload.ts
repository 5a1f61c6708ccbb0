import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { signUp } from '../../api/test/support/oidc-login';
import { copyAndSync, downloadDigest, MiB, sha256OfFile, uploadFile, writeRandomPdf } from '../lib/files';
import { PeakMemory, watchPeakMemory } from '../lib/memory';
import { defineScriptedScenario } from '../lib/scenario';
import { residentMb } from '../lib/servers';

const fileBytes = 100 * MiB;
const warmUpBytes = 1 * MiB;
const runs = 3;
const maxGrowthMb = 50;
const sourceName = 'source.pdf';

interface Timed {
  mibPerSecond: number;
  /** The API's resident memory (MB) when the transfer started, and its peak during it. */
  startMb?: number;
  peak?: PeakMemory;
}

/**
 * One 100 MiB PDF (its header, then random bytes) uploaded as `multipart/form-data` to the disk
 * backend and downloaded again, three times, one request at a time: how far the API's resident
 * memory rises above where it was after a warm-up, and the speeds beside `cp` + `sync` of the same
 * file on the same file system. The client streams the file from disk and hashes the download as it
 * arrives; a transfer whose SHA-256 differs from the source's stops the scenario.
 */
export default defineScriptedScenario({
  name: 'documents-upload',
  title: `POST /api/documents (multipart, ${fileBytes / MiB} MiB PDF, disk backend) then GET its content, ${runs} runs, vs cp + sync`,
  goal: `the API's resident memory rises by < ${maxGrowthMb} MB above its level after a warm-up, during the uploads and during the downloads; MiB/s shown beside cp + sync of the same file on the same disk`,
  shortGoal: `RSS growth < ${maxGrowthMb} MB`,
  setup: async ({ onCleanup, log }) => {
    // The source, the stored documents and cp's copies all in one folder: the same file system.
    const root = mkdtempSync(join(tmpdir(), 'mvp-bench-documents-'));
    onCleanup(() => rmSync(root, { recursive: true, force: true }));
    log(`writing a ${fileBytes / MiB} MiB PDF of random bytes to ${root}`);
    await writeRandomPdf(join(root, sourceName), fileBytes);
    await writeRandomPdf(join(root, 'warm-up.pdf'), warmUpBytes);
    return {
      apiEnv: {
        DOCUMENTS_DIR: join(root, 'documents'),
        DOCUMENTS_MAX_BYTES: String(fileBytes + MiB),
        DOCUMENTS_QUOTA_BYTES: String((runs + 1) * (fileBytes + MiB)),
      },
    };
  },
  prepare: async ({ apiUrl, apiEnv, log }) => {
    const root = dirname(apiEnv.DOCUMENTS_DIR);
    const { accessToken } = await signUp(apiUrl, {
      email: 'bench@example.com',
      password: 'bench-password-1',
      displayName: 'Bench',
    });
    const headers = { authorization: `Bearer ${accessToken}` };
    const source = join(root, sourceName);
    const sha256 = await sha256OfFile(source);
    // Warm-up: the upload and content routes, multipart parsing and the storage, once each.
    const warmUp = await uploadFile(`${apiUrl}/api/documents`, join(root, 'warm-up.pdf'), 'warm-up.pdf', headers);
    if (warmUp.status !== 201) throw new Error(`Warm-up upload answered ${warmUp.status}: ${show(warmUp.body)}`);
    await downloadDigest(`${apiUrl}/api/documents/${(warmUp.body as { id: string }).id}/content`, headers);
    log(`source SHA-256 ${sha256.slice(0, 16)}…; warm-up upload and download done`);
    return { headers, root, source, sha256 };
  },
  run: async ({ apiUrl, apiPid, state: { headers, root, source, sha256 }, log }) => {
    const before = residentMb(apiPid) ?? Number.NaN;
    log(`API RSS before the uploads: ${before.toFixed(0)} MB`);
    const uploads: Timed[] = [];
    const downloads: Timed[] = [];
    const copies: Timed[] = [];

    for (let index = 1; index <= runs; index++) {
      const upload = await timed(apiPid, () =>
        uploadFile(`${apiUrl}/api/documents`, source, `bench-${index}.pdf`, headers),
      );
      uploads.push(upload);
      const document = upload.result.body as { id?: string; sha256?: string; sizeBytes?: number };
      if (upload.result.status !== 201) {
        throw new Error(`Upload ${index} answered ${upload.result.status}: ${show(upload.result.body)}`);
      }
      if (document.sha256 !== sha256 || document.sizeBytes !== fileBytes) {
        throw new Error(
          `Upload ${index} stored ${document.sizeBytes} bytes, SHA-256 ${document.sha256}; sent ${sha256}`,
        );
      }

      const download = await timed(apiPid, () =>
        downloadDigest(`${apiUrl}/api/documents/${document.id}/content`, headers),
      );
      downloads.push(download);
      if (download.result.sha256 !== sha256 || download.result.bytes !== fileBytes) {
        throw new Error(
          `Download ${index} gave ${download.result.bytes} bytes, SHA-256 ${download.result.sha256}; expected ${sha256}`,
        );
      }

      const copyPath = join(root, `cp-${index}.pdf`);
      const copy = await timed(undefined, () => copyAndSync(source, copyPath));
      copies.push(copy);
      rmSync(copyPath);
      log(
        `run ${index}: upload ${describe(upload)}, download ${describe(download)}, ` +
          `cp + sync ${copy.mibPerSecond.toFixed(0)} MiB/s; SHA-256 equal`,
      );
    }

    const uploadPeak = Math.max(...uploads.map(({ peak }) => peak!.peakMb));
    const downloadPeak = Math.max(...downloads.map(({ peak }) => peak!.peakMb));
    const passed = uploadPeak - before < maxGrowthMb && downloadPeak - before < maxGrowthMb;
    const exact = [...uploads, ...downloads].every(({ peak }) => peak!.exact);
    const row = (step: string, timed: Timed[], peakMb?: number) => [
      step,
      median(timed.map(({ mibPerSecond }) => mibPerSecond)).toFixed(0),
      timed.map(({ mibPerSecond }) => mibPerSecond.toFixed(0)).join(', '),
      peakMb === undefined ? '-' : before.toFixed(0),
      peakMb === undefined ? '-' : timed.map(({ startMb }) => startMb?.toFixed(0) ?? '?').join(', '),
      peakMb === undefined ? '-' : timed.map(({ peak }) => peak!.peakMb.toFixed(0)).join(', '),
      peakMb === undefined ? '-' : `+${(peakMb - before).toFixed(0)}`,
      peakMb === undefined ? '-' : 'equal',
    ];
    return {
      columns: [
        'Step',
        'MiB/s (median)',
        'MiB/s per run',
        'RSS after warm-up MB',
        'RSS at start MB per run',
        'RSS peak MB per run',
        'Growth MB (highest peak − after warm-up)',
        'SHA-256',
      ],
      rows: [
        row('upload (POST multipart)', uploads, uploadPeak),
        row('download (GET content)', downloads, downloadPeak),
        row('cp + sync, same disk', copies),
      ],
      passed,
      verdict:
        `API RSS ${before.toFixed(0)} MB after the warm-up, peak ${uploadPeak.toFixed(0)} MB uploading ` +
        `(+${(uploadPeak - before).toFixed(0)}) and ${downloadPeak.toFixed(0)} MB downloading ` +
        `(+${(downloadPeak - before).toFixed(0)}); goal < ${maxGrowthMb} MB`,
      notes: [
        `${fileBytes / MiB} MiB = ${fileBytes} bytes; MiB/s is the file's size over the time from sending the request ` +
          'to the end of the answer (an upload ends with the 201, after the API has fsynced the file and its folder ' +
          'and written the row). MB in the RSS columns is MiB too.',
        'Client: node:http in the bench process, the upload streamed from the file on disk (multipart, one part), ' +
          'the download hashed (SHA-256) as it arrives and not kept; one request at a time, after a 1 MiB warm-up ' +
          'upload and download.',
        `The SHA-256 of every upload (as the API computed it) and of every download equals the source file's.`,
        'cp + sync: `cp source copy` then `sync copy <folder>` (coreutils: fsync of the copy and of its folder), ' +
          'timed together, in the folder that holds DOCUMENTS_DIR. Page cache not dropped: the source (and the ' +
          'stored file, just written) are read from memory by every side alike.',
        exact
          ? 'RSS peak: the kernel high-water mark (VmHWM), reset through /proc/<pid>/clear_refs before each ' +
            'transfer, so no peak between samples is missed; VmRSS also sampled every 10 ms.'
          : 'RSS peak: VmRSS sampled every 10 ms (VmHWM could not be reset here: a peak between samples may be missed).',
      ],
      rssEndMb: residentMb(apiPid),
      rssPeakMb: Math.max(uploadPeak, downloadPeak),
    };
  },
});

/** Runs one transfer of the file; with `pid`, watches that process's memory meanwhile. */
async function timed<Result>(
  pid: number | undefined,
  work: () => Promise<Result>,
): Promise<Timed & { result: Result }> {
  const startMb = pid === undefined ? undefined : residentMb(pid);
  const watch = pid === undefined ? undefined : watchPeakMemory(pid);
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    return { result, mibPerSecond: fileBytes / MiB / seconds, startMb, peak: watch?.stop() };
  } finally {
    watch?.stop();
  }
}

function describe({ mibPerSecond, peak }: Timed): string {
  return `${mibPerSecond.toFixed(0)} MiB/s, RSS peak ${peak!.peakMb.toFixed(0)} MB`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function show(body: unknown): string {
  return (typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 500);
}
