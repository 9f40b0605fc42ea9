import { describe, expect, it } from 'vitest';
import { arrivalProblem, uploadIdOfKey, uploadKey } from '../../../shared/usecases/uploads/upload-rules.ts';

const OWNER = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const UPLOAD = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

describe('upload rules', () => {
  it('finds the upload id back from the key it made, and nothing in foreign keys', () => {
    const key = uploadKey('420702000000', 'household_evidence', OWNER, UPLOAD);
    expect(key).toBe(`uploads/420702000000/household_evidence/${OWNER}/${UPLOAD}`);
    expect(uploadIdOfKey(key)).toBe(UPLOAD);
    expect(uploadIdOfKey(`other/${UPLOAD}`)).toBeUndefined();
    expect(uploadIdOfKey(`uploads/420702000000/household_evidence/${OWNER}/${UPLOAD}/../x`)).toBeUndefined();
  });

  it('accepts what was announced and names the difference otherwise', () => {
    const announced = { declaredSize: 1024, contentType: 'image/jpeg' };
    expect(arrivalProblem(announced, { size: 1024, contentType: 'image/jpeg' })).toBeUndefined();
    expect(arrivalProblem(announced, { size: 2048, contentType: 'image/jpeg' })).toContain(
      '文件大小与申请时不符',
    );
    expect(arrivalProblem(announced, { size: 1024, contentType: 'application/pdf' })).toContain(
      '文件类型与申请时不符',
    );
  });
});
