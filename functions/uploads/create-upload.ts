import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { createUpload } from '../../shared/contracts/uploads.ts';
import { bucketName, s3 } from '../../shared/adapters/aws-clients.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';
import { PRESIGN_SECONDS, uploadKey } from '../../shared/usecases/uploads/upload-rules.ts';

export const handler = apiHandler(createUpload, async ({ identity, body }) => {
  const uploadId = randomUUID();
  const key = uploadKey(identity.countyCode, body.kind, body.ownerId, uploadId);
  const now = new Date();
  await dynamoUploadStore.create({
    uploadId,
    key,
    kind: body.kind,
    ownerId: body.ownerId,
    fileName: body.fileName,
    contentType: body.contentType,
    declaredSize: body.size,
    countyCode: identity.countyCode,
    createdBy: identity.userId,
    createdAt: now.toISOString(),
    status: 'pending',
  });
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({ Bucket: bucketName.evidence(), Key: key, ContentType: body.contentType }),
    { expiresIn: PRESIGN_SECONDS },
  );
  return {
    status: 201,
    body: {
      uploadId,
      key,
      url,
      expiresAt: new Date(now.getTime() + PRESIGN_SECONDS * 1000).toISOString(),
      headers: { 'content-type': body.contentType },
    },
  };
});
