import { HttpClient, HttpEvent } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { ProgressHttp } from '../../../core/api/progress-http';
import { ImportCommit, ImportCommitResult, ImportJob, ImportUploadFields } from './import-job';

const importUrl = '/api/import';
const jobUrl = (id: string) => `${importUrl}/${encodeURIComponent(id)}`;

/** Import (`/api/import`: upload, preview, commit) and the export zip (`/api/export`); errors are problem+json. */
@Injectable({ providedIn: 'root' })
export class ImportExportApi {
  private readonly http = inject(HttpClient);
  private readonly progressHttp = inject(ProgressHttp).client;

  /**
   * The fields first, then the file: the API reads them to know how to read the bytes it streams.
   * Emits the upload's progress and the job; unsubscribing aborts it.
   */
  upload(file: File, fields: ImportUploadFields): Observable<HttpEvent<ImportJob>> {
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'boolean') body.append(name, String(value));
      else if (typeof value === 'string' && value.trim()) body.append(name, value);
    }
    body.append('file', file, file.name);
    return this.progressHttp.post<ImportJob>(importUrl, body, { reportProgress: true, observe: 'events' });
  }

  job(id: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(jobUrl(id));
  }

  /** All or nothing: a 409 names bad lines (or the lines the rules refuse) and nothing is written. */
  commit(id: string, body: ImportCommit): Observable<ImportCommitResult> {
    return this.http.post<ImportCommitResult>(`${jobUrl(id)}/commit`, body);
  }

  /** The zip as it streams, with the bytes received so far (no total: it is made while it downloads). */
  exportAll(): Observable<HttpEvent<Blob>> {
    return this.progressHttp.get('/api/export', { responseType: 'blob', reportProgress: true, observe: 'events' });
  }
}
