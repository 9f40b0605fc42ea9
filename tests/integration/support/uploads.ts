/**
 * An upload as a client makes it: ask for a presigned PUT, put the bytes, wait until the S3
 * notification has marked it stored. Answers the upload id.
 */
import { expect } from 'vitest';
import { api } from './api.ts';
import { waitFor } from '../../support/wait-for.ts';

export const PDF_BYTES = '%PDF-1.4 evidence';

export interface UploadSpec {
  readonly kind: string;
  readonly ownerId: string;
  readonly fileName?: string;
  readonly contentType?: string;
  readonly body?: string | Buffer;
  /** False: only the ticket is asked for; nothing is put (an upload never stored). */
  readonly put?: boolean;
}

export const storedUpload = async (username: string, spec: UploadSpec): Promise<string> => {
  const body = spec.body ?? PDF_BYTES;
  const ticket = await api(username).post('/uploads', {
    kind: spec.kind,
    ownerId: spec.ownerId,
    fileName: spec.fileName ?? '材料.pdf',
    contentType: spec.contentType ?? 'application/pdf',
    size: Buffer.byteLength(body),
  });
  expect(ticket.status).toBe(201);
  const uploadId = ticket.body.uploadId as string;
  if (spec.put === false) return uploadId;
  const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body });
  expect(put.status).toBe(200);
  await waitFor(
    async () =>
      (await api(username).get(`/uploads/${uploadId}`)).body.status === 'stored' ? true : undefined,
    { timeoutMs: 10_000, what: `${spec.kind} upload stored` },
  );
  return uploadId;
};
