import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import sharp from 'sharp';
import { useCapsuleApi } from './support/capsule-api';
import { waitFor } from './support/local-receivers';
import { runCrossUserMatrix } from './support/cross-user-matrix';
import { documentBackends, useDocumentBackend } from './support/document-backends';
import { ApiSchema, Problem } from './support/json-call';

type Document = ApiSchema<'DocumentDto'>;
type DocumentPage = ApiSchema<'DocumentPageDto'>;
type Vehicle = ApiSchema<'VehicleDto'>;

const maxFileBytes = 256 * 1024;
const quotaBytes = 600 * 1024;

export const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n' +
    'trailer <</Root 1 0 R>>\n%%EOF\n',
);

/** A multipart upload of `total` bytes of text, written as fast as the socket takes it; what came back, and when. */
function streamUpload(baseUrl: string, token: string, total: number) {
  const url = new URL(`${baseUrl}/api/documents`);
  const boundary = 'mvp-boundary';
  let sent = 0;
  return new Promise<{ status: number; body: string; sentBeforeAnswer: number }>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      },
      (response) => {
        const sentBeforeAnswer = sent;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body, sentBeforeAnswer }));
      },
    );
    // Writes after the server closed the connection fail; the answer has already been read by then.
    req.on('error', (error) => (sent < total ? undefined : reject(error)));
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.txt"\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const pump = () => {
      while (sent < total && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!req.destroyed) req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}

/** Sends the start of an upload, a chunk at a time, until `started()` says the server has it in flight; then drops the connection. */
async function abandonedUpload(baseUrl: string, token: string, started: () => Promise<boolean>): Promise<void> {
  const url = new URL(`${baseUrl}/api/documents`);
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'multipart/form-data; boundary=mvp-boundary' },
  });
  req.on('error', () => undefined);
  const write = (data: string | Buffer) =>
    new Promise<void>((resolve, reject) => req.write(data, (error) => (error ? reject(error) : resolve())));
  await write('--mvp-boundary\r\nContent-Disposition: form-data; name="file"; filename="half.txt"\r\n\r\n');
  await write(Buffer.alloc(8 * 1024, 'a'));
  await waitFor('the upload to be in flight', started);
  await write(Buffer.alloc(8 * 1024, 'b'));
  req.destroy();
}

describe.each(documentBackends)('documents (%s)', (name) => {
  const backend = useDocumentBackend(name);
  const capsule = useCapsuleApi({
    label: `documents-${name}`,
    env: () => ({
      ...backend.env(),
      DOCUMENTS_MAX_BYTES: String(maxFileBytes),
      DOCUMENTS_QUOTA_BYTES: String(quotaBytes),
    }),
  });
  const { call } = capsule;

  const stored = () => backend.files();
  const rows = async () => Number((await capsule.db.query('select count(*) from public.documents')).rows[0].count);

  const form = (
    file: Blob | Buffer,
    fileName: string,
    fields: Record<string, string> = {},
    type = 'application/octet-stream',
  ) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    body.append('file', file instanceof Blob ? file : new Blob([file], { type }), fileName);
    return body;
  };
  const upload = <Body = Document>(
    file: Buffer,
    fileName: string,
    fields: Record<string, string> = {},
    token?: string,
  ) => call<Body>('POST', '/api/documents', form(file, fileName, fields), token);
  const content = (id: string, headers: Record<string, string> = {}, token = capsule.alice) =>
    fetch(`${capsule.api.url}/api/documents/${id}/content`, {
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
  const newVehicle = async (token = capsule.alice) =>
    (
      await call<Vehicle>(
        'POST',
        '/api/vehicles',
        { make: 'Honda', model: 'CB500X', year: 2021, odometerUnit: 'km' },
        token,
      )
    ).body.id;

  it('round-trips a file byte for byte, typed by its content, with its hash and size', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c33' } })
      .png()
      .toBuffer();
    const created = await upload(png, 'photo of the dent.dat', { title: 'Dent', kind: 'photo' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Dent',
      kind: 'photo',
      fileName: 'photo of the dent.dat',
      mediaType: 'image/png',
      sizeBytes: png.length,
      hasThumbnail: true,
      inline: true,
      fileMissing: false,
    });
    const response = await content(created.body.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="photo of the dent.dat"/);
    expect(response.headers.get('etag')).toBe(`"${created.body.sha256}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
  });

  it('makes a thumbnail of an image once, upright and small, with its own ETag', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#2a6' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const { body: document } = await upload(photo, 'IMG_0001.JPG');
    expect(document).toMatchObject({ mediaType: 'image/jpeg', kind: 'photo', hasThumbnail: true });
    const thumbnail = await fetch(`${capsule.api.url}/api/documents/${document.id}/thumbnail`, {
      headers: { authorization: `Bearer ${capsule.alice}` },
    });
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/webp');
    const image = await sharp(Buffer.from(await thumbnail.arrayBuffer())).metadata();
    // Orientation 6 turns the 1200 × 800 landscape into a portrait: 800 × 1200, fitted in 320 × 320.
    expect([image.format, image.width, image.height]).toEqual(['webp', 213, 320]);
    expect(
      Number(
        (
          await capsule.db.query('select count(*) from public.document_thumbnails where document_id = $1', [
            document.id,
          ])
        ).rows[0].count,
      ),
    ).toBe(1);
    const again = await fetch(`${capsule.api.url}/api/documents/${document.id}/thumbnail`, {
      headers: { authorization: `Bearer ${capsule.alice}`, 'if-none-match': thumbnail.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    const pdf = await upload(minimalPdf, 'policy.pdf');
    const none = await call<Problem>('GET', `/api/documents/${pdf.body.id}/thumbnail`);
    expect(none.status).toBe(404);
    const theirs = await call<Problem>('GET', `/api/documents/${document.id}/thumbnail`, undefined, capsule.bob);
    expect(theirs.status).toBe(404);
  });

  it('answers a byte range with 206, past the end with 416, and a matching ETag with 304', async () => {
    const text = Buffer.from('0123456789'.repeat(100));
    const { body: document } = await upload(text, 'notes.txt');
    expect(document.mediaType).toBe('text/plain');

    const part = await content(document.id, { range: 'bytes=10-19' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 10-19/1000');
    expect(part.headers.get('content-length')).toBe('10');
    expect(await part.text()).toBe('0123456789');
    const tail = await content(document.id, { range: 'bytes=-5' });
    expect([tail.status, await tail.text()]).toEqual([206, '56789']);

    const past = await content(document.id, { range: 'bytes=1000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */1000');
    expect(past.headers.get('content-type')).toContain('application/problem+json');

    const etag = part.headers.get('etag')!;
    const again = await content(document.id, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await content(document.id, { 'if-none-match': '"something-else"' });
    expect(changed.status).toBe(200);
    await changed.arrayBuffer();
  });

  it('refuses a file over the cap with 413 as soon as the cap is passed, keeping nothing', async () => {
    const before = { rows: await rows(), stored: await stored() };
    const tooBig = Buffer.concat([minimalPdf, randomBytes(maxFileBytes)]);
    const refused = await upload<Problem>(tooBig, 'big.pdf');
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ title: 'File too large', maxFileBytes });
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
  });

  it('answers 413 while a huge upload is still being sent, and closes the connection', async () => {
    const before = { rows: await rows(), stored: await stored() };
    const total = 200 * 1024 * 1024;
    const answer = await streamUpload(capsule.api.url, capsule.alice, total);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ title: 'File too large' });
    // The server stopped reading at the cap: the client could only fill the socket buffers, never send it all.
    expect(answer.sentBeforeAnswer).toBeLessThan(total / 2);
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
  });

  it('keeps nothing of an upload the client abandons halfway', async () => {
    const before = { rows: await rows(), stored: await stored() };
    const inFlight = async () =>
      Number((await capsule.db.query('select count(*) from public.document_uploads')).rows[0].count);
    await abandonedUpload(capsule.api.url, capsule.alice, async () => (await inFlight()) > 0);
    await waitFor('the abandoned upload to be cleaned up', async () => (await inFlight()) === 0);
    // The spool file (`.tmp/`, among the files) goes once the failed write has been cleaned up.
    await waitFor('its temporary file to go', async () => (await stored()).length === before.stored.length);
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
  });

  it('answers a multipart body without its boundary, with another one or cut short with a 400 problem, keeping nothing (found by the fuzzer)', async () => {
    const before = { rows: await rows(), stored: await stored() };
    const part = '--cut\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\n\r\n';
    const whole = `${part}${minimalPdf.toString()}\r\n--cut--\r\n`;
    const cases: Array<[string, string]> = [
      ['multipart/form-data', whole],
      ['multipart/form-data; boundary=other', whole],
      ['multipart/form-data; boundary=cut', `${part}${minimalPdf.toString()}`],
      ['multipart/form-data; boundary=cut', part.slice(0, 30)],
    ];
    for (const [type, body] of cases) {
      const response = await fetch(`${capsule.api.url}/api/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${capsule.alice}`, 'content-type': type },
        body,
      });
      expect({ type, status: response.status }).toEqual({ type, status: 400 });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
  });

  it('decides the type by content: a shell script named .pdf is a 415, and nothing stays', async () => {
    const before = { rows: await rows(), stored: await stored() };
    const script = await upload<Problem>(Buffer.from('#!/bin/sh\nrm -rf /\n'), 'invoice.pdf', {}, undefined);
    expect(script.status).toBe(415);
    expect(script.body.detail).toContain('a script');
    const html = await upload<Problem>(Buffer.from('<!doctype html><script>alert(1)</script>'), 'receipt.pdf');
    expect(html.status).toBe(415);
    const zip = await upload<Problem>(Buffer.from('504b0304140000000800', 'hex'), 'manual.pdf');
    expect(zip.status).toBe(415);
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);

    const pdf = await upload(minimalPdf, 'card.txt');
    expect(pdf.body).toMatchObject({ mediaType: 'application/pdf', inline: true });
    const response = await content(pdf.body.id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-security-policy')).not.toContain('sandbox');
    await response.arrayBuffer();
  });

  it('keeps a ../../etc/passwd file name as given, only as a name', async () => {
    const created = await upload(Buffer.from('just text'), '../../etc/passwd');
    expect(created.status).toBe(201);
    expect(created.body.fileName).toBe('../../etc/passwd');
    expect(created.body.title).toBe('passwd');
    expect(await stored()).not.toContainEqual(expect.stringContaining('passwd'));
    const response = await content(created.body.id);
    expect(response.headers.get('content-disposition')).toMatch(/filename="passwd"/);
    expect(await response.text()).toBe('just text');
  });

  it('gives RFC 6266 filename* for a name beyond ASCII, attachment on ?download', async () => {
    const created = await upload(Buffer.from('Prüfbericht'), 'Prüfbericht TÜV.txt');
    const response = await fetch(`${capsule.api.url}/api/documents/${created.body.id}/content?download=true`, {
      headers: { authorization: `Bearer ${capsule.alice}` },
    });
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Prufbericht TUV.txt"; filename*=UTF-8''Pr%C3%BCfbericht%20T%C3%9CV.txt`,
    );
    await response.arrayBuffer();
  });

  it('attaches to a service record, bringing its vehicle, and lists by record', async () => {
    const vehicle = await newVehicle();
    const record = await call<{ id: string }>('POST', '/api/maintenance/records', {
      vehicleId: vehicle,
      performedAt: '2026-11-02',
      odometer: 1000,
      category: 'oil',
      title: 'Oil change',
    });
    const receipt = await upload(minimalPdf, 'receipt.pdf', { kind: 'receipt', maintenanceRecordId: record.body.id });
    expect(receipt.status).toBe(201);
    expect(receipt.body).toMatchObject({ vehicleId: vehicle, maintenanceRecordId: record.body.id, kind: 'receipt' });
    const byRecord = await call<DocumentPage>('GET', `/api/documents?maintenanceRecordId=${record.body.id}`);
    expect(byRecord.body.items.map((item) => item.id)).toEqual([receipt.body.id]);
    const byVehicle = await call<DocumentPage>('GET', `/api/documents?vehicleId=${vehicle}`);
    expect(byVehicle.body.items.map((item) => item.id)).toEqual([receipt.body.id]);

    const otherVehicle = await newVehicle();
    const fillUp = await call<{ id: string }>('POST', '/api/fuel-logs', {
      vehicleId: otherVehicle,
      filledAt: '2026-11-03T08:00:00Z',
      odometer: 500,
      quantity: 30,
      quantityUnit: 'l',
      pricePerUnit: 1.5,
    });
    expect(fillUp.status).toBe(201);
    const moved = await call<Document>('PATCH', `/api/documents/${receipt.body.id}`, {
      maintenanceRecordId: null,
      fuelLogId: fillUp.body.id,
    });
    expect(moved.body).toMatchObject({ vehicleId: otherVehicle, maintenanceRecordId: null, fuelLogId: fillUp.body.id });
    const clash = await call<Problem>('PATCH', `/api/documents/${receipt.body.id}`, { vehicleId: vehicle });
    expect(clash.status).toBe(400);
  });

  it('lists a deleted vehicle’s documents no more (those on no vehicle stay), and again once it is restored', async () => {
    const gina = await capsule.issuer.sign({ claims: { sub: 'fake|gina' } });
    const [kept, sold] = [await newVehicle(gina), await newVehicle(gina)];
    for (const [title, vehicleId] of [
      ['kept', kept],
      ['sold', sold],
      ['loose', ''],
    ]) {
      const fields = { title, ...(vehicleId ? { vehicleId } : {}) };
      expect((await upload(minimalPdf, `${title}.pdf`, fields, gina)).status).toBe(201);
    }
    const titles = async () =>
      (await call<DocumentPage>('GET', '/api/documents', undefined, gina)).body.items.map((item) => item.title).sort();
    expect((await call('DELETE', `/api/vehicles/${sold}`, undefined, gina)).status).toBe(204);
    expect(await titles()).toEqual(['kept', 'loose']);
    const pastTheEnd = await call<DocumentPage>('GET', '/api/documents?page=3&pageSize=1', undefined, gina);
    expect(pastTheEnd.body).toMatchObject({ total: 2, page: 3, items: [] });
    expect((await call('POST', `/api/vehicles/${sold}/restore`, undefined, gina)).status).toBe(200);
    expect(await titles()).toEqual(['kept', 'loose', 'sold']);
  });

  it("refuses another user's vehicle or record as a link with a 404, keeping nothing", async () => {
    const bobsVehicle = await newVehicle(capsule.bob);
    const before = { rows: await rows(), stored: await stored() };
    const refused = await upload<Problem>(minimalPdf, 'x.pdf', { vehicleId: bobsVehicle });
    expect(refused.status).toBe(404);
    const invalid = await upload<Problem>(minimalPdf, 'x.pdf', { kind: 'bogus', expiresOn: '2026-02-30' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors?.map((error) => error.field).sort()).toEqual(['expiresOn', 'kind']);
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
  });

  it("shows insurance and registration expiries in the due list: each vehicle's latest of a kind", async () => {
    const vehicle = await newVehicle(capsule.bob);
    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const add = (title: string, kind: string, expiresOn: string) =>
      upload(minimalPdf, `${title}.pdf`, { title, kind, expiresOn, vehicleId: vehicle }, capsule.bob);
    await add('Insurance 2025', 'insurance', inDays(-300));
    const insurance = await add('Insurance 2026', 'insurance', inDays(10));
    const registration = await add('Registration', 'registration', inDays(-5));
    await add('Owner manual', 'manual', inDays(3));
    await add('Next insurance', 'insurance', inDays(400)).then((next) =>
      call('DELETE', `/api/documents/${next.body.id}`, undefined, capsule.bob),
    );

    const due = await call<ApiSchema<'DueListDto'>>('GET', '/api/maintenance/reminders/due', undefined, capsule.bob);
    expect(due.status).toBe(200);
    expect(due.body.expiring.map(({ id, status, kind, source }) => ({ id, status, kind, source }))).toEqual([
      { id: registration.body.id, status: 'overdue', kind: 'registration', source: 'document' },
      { id: insurance.body.id, status: 'due_soon', kind: 'insurance', source: 'document' },
    ]);
    const [expired, soon] = due.body.expiring;
    expect(expired.vehicleName).toBe('2021 Honda CB500X');
    // A day either way: the test's clock is UTC, the user's day is in their time zone.
    expect(Math.abs(expired.daysLeft + 5)).toBeLessThanOrEqual(1);
    expect(Math.abs(soon.daysLeft - 10)).toBeLessThanOrEqual(1);
    expect(soon.statusReason).toMatch(/^expires in \d+ days$/);
    const alices = await call<ApiSchema<'DueListDto'>>('GET', '/api/maintenance/reminders/due');
    expect(alices.body.expiring.map((item) => item.id)).not.toContain(insurance.body.id);

    const feed = await call<{ url: string }>('POST', '/api/maintenance/calendar-feed', undefined, capsule.bob);
    const calendar = await (await fetch(feed.body.url.replace(/^https?:\/\/[^/]+/, capsule.api.url))).text();
    const events = [...calendar.matchAll(/^UID:document-(\S+)@motovaultpro/gm)].map((match) => match[1]).sort();
    expect(events).toEqual([insurance.body.id, registration.body.id].sort());
    expect(calendar).toContain('SUMMARY:Insurance 2026 expires · 2021 Honda CB500X');
  });

  it('keeps to the quota, naming it, and shows the usage', async () => {
    const usage = await call<ApiSchema<'DocumentUsageDto'>>('GET', '/api/documents/usage', undefined, capsule.bob);
    expect(usage.body).toMatchObject({ quotaBytes, maxFileBytes });
    const start = usage.body.usedBytes;
    const chunk = Buffer.from('x'.repeat(250 * 1024));
    expect((await upload(chunk, 'a.txt', {}, capsule.bob)).status).toBe(201);
    expect((await upload(chunk, 'b.txt', {}, capsule.bob)).status).toBe(201);
    const before = { rows: await rows(), stored: await stored() };
    const over = await upload<Problem>(chunk, 'c.txt', {}, capsule.bob);
    expect(over.status).toBe(413);
    expect(over.body).toMatchObject({ title: 'Storage quota reached', quotaBytes });
    expect(over.body.detail).toContain('0.6 MB');
    expect({ rows: await rows(), stored: await stored() }).toEqual(before);
    const after = await call<ApiSchema<'DocumentUsageDto'>>('GET', '/api/documents/usage', undefined, capsule.bob);
    expect(after.body.usedBytes).toBe(start + 500 * 1024);
  });

  it('keeps every document to its owner: metadata and content', async () => {
    const id = await runCrossUserMatrix({
      baseUrl: capsule.api.url,
      owner: capsule.alice,
      intruder: capsule.bob,
      path: '/api/documents',
      createBody: form(Buffer.from('secret'), 'secret.txt'),
      updateBody: { title: 'Mine now' },
      restore: true,
    });
    const theirs = await content(id, {}, capsule.bob);
    expect(theirs.status).toBe(404);
    expect(await theirs.text()).not.toContain('secret');
  });
});
