/** Evidence uploads: a short-lived presigned PUT straight to S3; the S3 notification records the object. */
import { z } from 'zod';
import { route } from '../http/route.ts';
import { ROLES } from '../auth/roles.ts';
import { errorResponses } from './common.ts';

/** What an upload is for; its `ownerId` is the record it belongs to (household, case, procedure, meeting). */
export const UPLOAD_KINDS = [
  'household_evidence',
  'authorization',
  'department_file',
  'verification_evidence',
  'reinspection_evidence',
  'deliberation_minutes',
  'objection_evidence',
  'monitoring_evidence',
  'payment_evidence',
] as const;

export const ALLOWED_CONTENT_TYPES = [
  'image/jpeg',
  'image/png',
  'application/pdf',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
] as const;

export const UploadRequest = z
  .object({
    kind: z.enum(UPLOAD_KINDS),
    /** The record the object belongs to (household, case, submission). */
    ownerId: z.string().uuid('应为有效的 UUID'),
    fileName: z.string().trim().min(1).max(200),
    contentType: z.enum(ALLOWED_CONTENT_TYPES, '不支持的文件类型'),
    size: z
      .number()
      .int()
      .min(1, '文件不能为空')
      .max(20 * 1024 * 1024, '文件不能超过 20 MB'),
  })
  .meta({ id: 'UploadRequest' });

export const UploadTicket = z
  .object({
    uploadId: z.string(),
    key: z.string(),
    url: z.string().meta({ description: '预签名 PUT 地址，有效期 5 分钟' }),
    expiresAt: z.string(),
    headers: z.record(z.string(), z.string()),
  })
  .meta({ id: 'UploadTicket' });

export const createUpload = route({
  method: 'POST',
  path: '/uploads',
  function: 'create-upload',
  roles: ROLES,
  summary: '申请上传凭证（照片、签字表、文件），返回短时效预签名地址',
  tag: 'uploads',
  request: { body: UploadRequest },
  responses: { 201: { description: '上传凭证', schema: UploadTicket }, ...errorResponses },
});

export const Upload = z
  .object({
    uploadId: z.string(),
    kind: z.enum(UPLOAD_KINDS),
    ownerId: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    status: z.enum(['pending', 'stored', 'rejected']),
    size: z.number().int().optional(),
    storedAt: z.string().optional(),
    rejectedReason: z.string().optional(),
  })
  .meta({ id: 'Upload' });

export const getUpload = route({
  method: 'GET',
  path: '/uploads/{uploadId}',
  function: 'get-upload',
  roles: ROLES,
  summary: '上传状态（S3 通知到达后为 stored）',
  tag: 'uploads',
  request: { params: z.object({ uploadId: z.string().uuid('应为有效的 UUID') }) },
  responses: { 200: { description: '上传记录', schema: Upload }, ...errorResponses },
});
