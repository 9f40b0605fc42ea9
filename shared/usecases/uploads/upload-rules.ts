/** Where an upload lives in the evidence bucket, and whether what arrived is what was announced. */
export const UPLOAD_PREFIX = 'uploads/';
export const PRESIGN_SECONDS = 300;

export const uploadKey = (countyCode: string, kind: string, ownerId: string, uploadId: string): string =>
  `${UPLOAD_PREFIX}${countyCode}/${kind}/${ownerId}/${uploadId}`;

/** The upload id is the last segment of the key; undefined when the key is not ours. */
export const uploadIdOfKey = (key: string): string | undefined => {
  const match = /^uploads\/\d{12}\/[a-z_]+\/[0-9a-f-]{36}\/([0-9a-f-]{36})$/.exec(key);
  return match?.[1];
};

export interface ArrivedObject {
  readonly size: number;
  readonly contentType?: string;
}

/** zh-CN reason when the stored object differs from the announcement; undefined when it matches. */
export const arrivalProblem = (
  announced: { declaredSize: number; contentType: string },
  arrived: ArrivedObject,
): string | undefined => {
  if (arrived.size !== announced.declaredSize)
    return `文件大小与申请时不符（申请 ${announced.declaredSize} 字节，实际 ${arrived.size} 字节）`;
  if (arrived.contentType && arrived.contentType !== announced.contentType)
    return `文件类型与申请时不符（申请 ${announced.contentType}，实际 ${arrived.contentType}）`;
  return undefined;
};
