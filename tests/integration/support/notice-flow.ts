/**
 * A deliberation ready for a notice: a new Taihe household whose identification (any subject id
 * will do for the notice engine) the village passed on `meetingDate` at 16:00 Beijing time.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { householdBody } from '../../support/household-input.ts';
import { api } from './api.ts';
import { at } from './monitoring-flow.ts';
import { storedUpload } from './uploads.ts';

export const deliberatedIdentification = async (meetingDate = '2026-12-27') => {
  const household = await api('village.taihe').post('/households', householdBody());
  expect(household.status).toBe(201);
  const deliberationId = randomUUID();
  const minutesUploadId = await storedUpload('village.taihe', {
    kind: 'deliberation_minutes',
    ownerId: deliberationId,
    fileName: '评议记录.pdf',
  });
  const subjectId = randomUUID();
  const recorded = await at('village.taihe', `${meetingDate}T08:00:00.000Z`).post('/deliberations', {
    deliberationId,
    meetingDate,
    membersPresent: ['王书记', '李主任', '张委员', '赵组长', '刘代表'],
    minutesUploadId,
    outcomes: [
      {
        subjectType: 'identification',
        subjectId,
        householdId: household.body.householdId,
        outcome: 'passed',
        note: '因病：慢性病长期用药',
      },
    ],
  });
  expect(recorded.status).toBe(201);
  return { deliberationId, subjectId, householdId: household.body.householdId as string };
};
