import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { useCapsuleApi } from './support/capsule-api';
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

  it('keeps to the quota, naming it, and shows the usage', async () => {
    const usage = await call<ApiSchema<'DocumentUsageDto'>>('GET', '/api/documents/usage', undefined, capsule.bob);
    expect(usage.body).toEqual({ usedBytes: 0, quotaBytes, maxFileBytes });
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
    expect(after.body.usedBytes).toBe(500 * 1024);
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
