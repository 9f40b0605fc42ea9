import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { api } from './support/api.ts';
import { waitFor } from '../support/wait-for.ts';

const announce = (overrides: Record<string, unknown> = {}) => ({
  kind: 'household_evidence',
  ownerId: randomUUID(),
  fileName: '入户照片.jpg',
  contentType: 'image/jpeg',
  size: 11,
  ...overrides,
});

const uploadState = (username: string, uploadId: string) =>
  waitFor(
    async () => {
      const result = await api(username).get(`/uploads/${uploadId}`);
      return result.body.status === 'pending' ? undefined : result.body;
    },
    { timeoutMs: 10_000, what: `upload ${uploadId} settled` },
  );

describe('evidence uploads through a presigned URL and the S3 notification', () => {
  it('stores what was announced', async () => {
    const ticket = await api('village.taihe').post('/uploads', announce());
    expect(ticket.status).toBe(201);
    expect(ticket.body.url).toContain('X-Amz-Signature');
    expect(Date.parse(ticket.body.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);

    const put = await fetch(ticket.body.url, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: 'hello photo',
    });
    expect(put.status).toBe(200);

    const settled = await uploadState('village.taihe', ticket.body.uploadId);
    expect(settled).toMatchObject({ status: 'stored', size: 11, fileName: '入户照片.jpg' });
  });

  it('rejects an object that differs from the announcement', async () => {
    const ticket = await api('adjuster.wang').post('/uploads', announce({ size: 5 }));
    expect(ticket.status).toBe(201);
    await fetch(ticket.body.url, {
      method: 'PUT',
      headers: ticket.body.headers,
      body: 'much longer than five',
    });
    const settled = await uploadState('adjuster.wang', ticket.body.uploadId);
    expect(settled.status).toBe('rejected');
    expect(settled.rejectedReason).toContain('文件大小与申请时不符');
  });

  it('refuses a type that is not allowed and an empty file, with field paths', async () => {
    const result = await api('village.taihe').post(
      '/uploads',
      announce({ contentType: 'application/x-msdownload', size: 0 }),
    );
    expect(result.status).toBe(400);
    expect(result.body.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'body.contentType',
      'body.size',
    ]);
  });

  it('hides an upload from another county (404)', async () => {
    const ticket = await api('village.taihe').post('/uploads', announce());
    expect((await api('other.county.staff').get(`/uploads/${ticket.body.uploadId}`)).status).toBe(404);
    expect((await api('county.staff').get(`/uploads/${ticket.body.uploadId}`)).status).toBe(200);
  });
});
