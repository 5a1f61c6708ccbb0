import { randomBytes } from 'node:crypto';
import { request } from 'node:http';

export interface UploadAnswer {
  status: number;
  body: string;
}

/**
 * A `POST /api/documents` whose multipart body the test sends piece by piece, as a slow client
 * would: the file's bytes (`sendFileBytes`), then the end of the file part with the start of a text
 * field (`endFile`: the server then has the whole file while the request is still open), then the
 * rest (`finish`).
 */
export interface SlowUpload {
  sendFileBytes(bytes: Buffer): Promise<void>;
  endFile(): Promise<void>;
  /** Sends the rest of the body and resolves to the answer. */
  finish(): Promise<UploadAnswer>;
  /** Settles when the server answers, or rejects when the connection breaks (the server was killed). */
  answer: Promise<UploadAnswer>;
}

export function startSlowUpload(baseUrl: string, token: string, fileName = 'slow receipt.txt'): SlowUpload {
  const boundary = `----slow-upload-${randomBytes(8).toString('hex')}`;
  const upload = request(`${baseUrl}/api/documents`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
    },
  });
  const answer = new Promise<UploadAnswer>((resolve, reject) => {
    upload.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    upload.on('error', reject);
  });
  // Known to be handled by whoever awaits it; a test that kills the server never does.
  answer.catch(() => undefined);

  const send = (text: string | Buffer) =>
    new Promise<void>((resolve, reject) => upload.write(text, (error) => (error ? reject(error) : resolve())));
  const opening = send(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n',
  );
  return {
    answer,
    sendFileBytes: async (bytes) => {
      await opening;
      await send(bytes);
    },
    // The next boundary ends the file; the field after it is left open.
    endFile: () => send(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="title"\r\n\r\nSlow`),
    finish: async () => {
      await send(` receipt\r\n--${boundary}--\r\n`);
      upload.end();
      return answer;
    },
  };
}
