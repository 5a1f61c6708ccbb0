import { precheckUpload, uploadProblemText } from './upload-checks';
import { attachmentFailureText } from './upload-outcome';

const usage = { usedBytes: 900 * 1_048_576, quotaBytes: 1024 * 1_048_576, maxFileBytes: 25 * 1_048_576 };
const problem = (fields: object) => ({
  type: 'about:blank',
  title: '',
  status: 0,
  detail: '',
  instance: '',
  requestId: '',
  ...fields,
});

describe('before an upload', () => {
  it('refuses an empty file, one over the cap, and one past the quota with what is already on its way', () => {
    expect(precheckUpload({ size: 0 }, usage, 0)).toBe('The file is empty.');
    expect(precheckUpload({ size: 26 * 1_048_576 }, usage, 0, 'en-US')).toBe(
      'Too large: a document may be at most 25 MB.',
    );
    expect(precheckUpload({ size: 20 * 1_048_576 }, usage, 0)).toBeUndefined();
    expect(precheckUpload({ size: 20 * 1_048_576 }, usage, 110 * 1_048_576, 'en-US')).toBe(
      'Not enough room: your documents may take 1 GB in all and already take 1,010 MB. Delete some to make room.',
    );
  });

  it('lets the API decide while the usage is not known', () => {
    expect(precheckUpload({ size: 26 * 1_048_576 }, undefined, 0)).toBeUndefined();
  });
});

describe('after a refused upload', () => {
  it("says the API's detail (413 cap or quota, 415 type), its field errors, or what the status means", () => {
    expect(uploadProblemText(413, problem({ detail: 'A document may be at most 25 MB.' }))).toBe(
      'A document may be at most 25 MB.',
    );
    expect(
      uploadProblemText(
        400,
        problem({ detail: 'Check the field', errors: [{ field: 'expiresOn', message: 'must be a day' }] }),
      ),
    ).toBe('expiresOn: must be a day');
    expect(uploadProblemText(415, undefined)).toBe('This kind of file is not accepted.');
    expect(uploadProblemText(0, undefined)).toMatch(/^The upload was cut off/);
  });

  it('words what did not get attached to a saved record', () => {
    expect(attachmentFailureText({ uploaded: 2, failed: [] })).toBeUndefined();
    expect(attachmentFailureText({ uploaded: 0, failed: [{ fileName: 'a.exe', problem: 'Not accepted.' }] })).toBe(
      '“a.exe” was not attached: Not accepted.',
    );
    expect(
      attachmentFailureText({
        uploaded: 0,
        failed: [
          { fileName: 'a', problem: '' },
          { fileName: 'b', problem: '' },
        ],
      }),
    ).toMatch(/^2 files were not attached/);
  });
});
