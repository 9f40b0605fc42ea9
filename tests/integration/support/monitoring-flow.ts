/**
 * The monitoring tests' flow helpers: requests at an injected moment (`x-fpb-now`), a Taihe
 * household, and an identification opened from a cadre's lead (lead → signed authorization →
 * procedure), the first stretch every identification test walks.
 */
import { expect } from 'vitest';
import { householdBody } from '../../support/household-input.ts';
import { api } from './api.ts';
import { storedUpload } from './uploads.ts';

export const DAY = 24 * 3600 * 1000;
export const plus = (iso: string, days: number) =>
  new Date(Math.round(Date.parse(iso) + days * DAY)).toISOString();

/** A client whose every request is sent at `now`. */
export const at = (user: string, now: string) => {
  const send = (method: string, path: string, body?: unknown) =>
    api(user).raw(method, path, {
      headers: { 'x-fpb-now': now, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    get: (path: string) => send('GET', path),
    post: (path: string, body?: unknown) => send('POST', path, body ?? {}),
    put: (path: string, body: unknown) => send('PUT', path, body),
    patch: (path: string, body: unknown) => send('PATCH', path, body),
  };
};

export const upload = (kind: string, ownerId: string) => storedUpload('village.taihe', { kind, ownerId });

export const newHousehold = async (overrides: Record<string, unknown> = {}) => {
  const created = await api('village.taihe').post('/households', householdBody(overrides));
  expect(created.status).toBe(201);
  return created.body as { householdId: string; members: { idNumber: string }[] };
};

/** A new Taihe household's cadre-visit lead at `t0`, its identification opened shortly after. */
export const openIdentification = async (t0: string, household: Record<string, unknown> = {}) => {
  const created = await newHousehold(household);
  const id = created.householdId;
  const lead = await at('village.taihe', t0).post('/monitoring/leads', {
    householdId: id,
    channel: 'cadre_visit',
    note: '走访发现因病支出大',
  });
  expect(lead.status).toBe(201);
  const authorization = await upload('authorization', id);
  const opened = await at('village.taihe', plus(t0, 0.01)).post('/monitoring/identifications', {
    leadId: lead.body.leadId,
    authorizationUploadId: authorization,
  });
  expect(opened.status).toBe(201);
  return {
    household: created,
    leadId: lead.body.leadId as string,
    procedureId: opened.body.procedureId as string,
  };
};
