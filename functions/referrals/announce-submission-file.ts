/** POST /submissions/files — announce a file; answers a presigned PUT, the upload starts the intake. */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { apiHandler } from '../../shared/http/api-handler.ts';
import { announceFile } from '../../shared/contracts/submissions.ts';
import { bucketName, s3 } from '../../shared/adapters/aws-clients.ts';
import { intakeDeps } from '../../shared/adapters/intake-deps.ts';
import { receiveFile } from '../../shared/usecases/intake/receive-submission.ts';
import { PRESIGN_SECONDS } from '../../shared/usecases/uploads/upload-rules.ts';

export const handler = apiHandler(announceFile, async ({ identity, body, now }) => {
  const submission = await receiveFile(intakeDeps, identity, now, body);
  const key = submission.objectKey ?? '';
  const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: bucketName.evidence(), Key: key }), {
    expiresIn: PRESIGN_SECONDS,
  });
  return {
    status: 201,
    body: {
      submissionId: submission.submissionId,
      status: submission.status,
      key,
      url,
      expiresAt: new Date(Date.now() + PRESIGN_SECONDS * 1000).toISOString(),
    },
  };
});
