/**
 * The evidence a result or a re-inspection names (SPEC §3.3): each object must exist, have arrived
 * in S3 (`stored`), be of the right kind for this case, of an allowed type and size. Each problem
 * is a field issue naming where the id was given (`body.evidence.1`) with a zh-CN reason.
 */
import type { FieldIssue } from '../../http/errors.ts';
import type { VerificationDeps } from './ports.ts';

/** Photos, scans and signed forms. */
export const EVIDENCE_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'application/pdf'];

export interface EvidenceRef {
  readonly path: string;
  readonly uploadId: string;
}

export interface EvidenceRule {
  readonly kind: 'verification_evidence' | 'reinspection_evidence';
  readonly caseId: string;
  readonly countyCode: string;
  readonly maxBytes: number;
}

export const evidenceIssues = async (
  deps: Pick<VerificationDeps, 'uploads'>,
  refs: readonly EvidenceRef[],
  rule: EvidenceRule,
): Promise<FieldIssue[]> => {
  const uploads = await Promise.all(refs.map((ref) => deps.uploads.get(ref.uploadId)));
  const issues: FieldIssue[] = [];
  refs.forEach((ref, i) => {
    const upload = uploads[i];
    const problem =
      !upload || upload.countyCode !== rule.countyCode
        ? '上传文件不存在'
        : upload.kind !== rule.kind || upload.ownerId !== rule.caseId
          ? '该文件不属于本案件的核查材料'
          : upload.status !== 'stored'
            ? upload.status === 'rejected'
              ? `文件已被拒收：${upload.rejectedReason ?? ''}`
              : '文件尚未上传完成'
            : !EVIDENCE_CONTENT_TYPES.includes(upload.contentType)
              ? '文件类型不允许（仅限 JPG、PNG、PDF）'
              : (upload.size ?? upload.declaredSize) > rule.maxBytes
                ? `文件超过 ${Math.floor(rule.maxBytes / 1024 / 1024)} MB`
                : undefined;
    if (problem) issues.push({ path: ref.path, message: problem });
  });
  return issues;
};
