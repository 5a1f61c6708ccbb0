import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * A lasting id of this `DOCUMENTS_DIR` (kept in its `.instance-id`): the owner of the uploads a
 * process runs over it, so the next process over the same folder can remove what a dead one left.
 */
export async function localInstanceId(documentsDir: string): Promise<string> {
  const path = join(documentsDir, '.instance-id');
  await mkdir(documentsDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, `${randomUUID()}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const id = (await readFile(path, 'utf8')).trim();
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`${path} does not hold an instance id; remove it to make a new one`);
  return id;
}
