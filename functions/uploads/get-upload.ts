import { apiHandler } from '../../shared/http/api-handler.ts';
import { getUpload } from '../../shared/contracts/uploads.ts';
import { NotFound } from '../../shared/http/errors.ts';
import { dynamoUploadStore } from '../../shared/adapters/upload-store.ts';

export const handler = apiHandler(getUpload, async ({ identity, params }) => {
  const upload = await dynamoUploadStore.get(params.uploadId);
  if (!upload || upload.countyCode !== identity.countyCode) throw new NotFound();
  return {
    status: 200,
    body: {
      uploadId: upload.uploadId,
      kind: upload.kind,
      ownerId: upload.ownerId,
      fileName: upload.fileName,
      contentType: upload.contentType,
      status: upload.status,
      size: upload.size ?? undefined,
      storedAt: upload.storedAt ?? undefined,
      rejectedReason: upload.rejectedReason ?? undefined,
    },
  };
});
