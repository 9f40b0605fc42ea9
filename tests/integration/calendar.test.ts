/**
 * The holiday calendar through the API: the published years, a year not loaded (2027) flagged on a
 * notice and to county staff, then loaded by county staff, the notice's end recounted and closed.
 * This file alone loads 2027 (in a fresh test database), so the other files see it missing; its
 * schedule runs (at 2027 times) are limited to its own notice so they close no other file's notices.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, tableName } from '../../shared/adapters/aws-clients.ts';
import { describe, expect, it } from 'vitest';
import { noticeStore } from '../../shared/adapters/notice-store.ts';
import { handler as closeDueNotices } from '../../functions/notices/close-due-notices.ts';
import { api } from './support/api.ts';
import { deliberatedIdentification } from './support/notice-flow.ts';

const call = (user: string, method: string, path: string, now: string, body?: unknown) =>
  api(user).raw(method, path, {
    headers: {
      'x-fpb-now': new Date(now).toISOString(),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

/** A passed identification deliberated in Taihe on 2026-12-27. */
const deliberated = () => deliberatedIdentification('2026-12-27');

const openCalendarAlerts = async () => {
  const alerts = await api('county.staff').get('/alerts?limit=200');
  expect(alerts.status).toBe(200);
  return (alerts.body.items as { kind: string; key: string; links: unknown[] }[]).filter(
    (a) => a.kind === 'calendar_missing' && a.key === '2027',
  );
};

/** Test data only: not the State Council's 2027 schedule, which is not published yet. */
const TEST_2027 = {
  source: '测试用安排（非官方）',
  holidays: [{ name: '元旦', offDays: ['2027-01-01', '2027-01-04'], workDays: [] }],
};

describe('the holiday calendar', () => {
  it('serves the published years and answers 404 for a year not loaded; only county staff load one', async () => {
    const y2026 = await api('village.taihe').get('/calendar/2026');
    expect(y2026.status).toBe(200);
    expect(y2026.body).toMatchObject({
      year: 2026,
      origin: 'published',
      source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    });
    expect(y2026.body.holidays.find((h: { name: string }) => h.name === '春节')).toEqual({
      name: '春节',
      offDays: [
        '2026-02-15',
        '2026-02-16',
        '2026-02-17',
        '2026-02-18',
        '2026-02-19',
        '2026-02-20',
        '2026-02-21',
        '2026-02-22',
        '2026-02-23',
      ],
      workDays: ['2026-02-14', '2026-02-28'],
    });
    expect((await api('auditor').get('/calendar/2031')).status).toBe(404);
    expect((await api('town.taihe').put('/calendar/2031', TEST_2027)).status).toBe(403);
    expect((await api('auditor').put('/calendar/2031', TEST_2027)).status).toBe(403);
    const invalid = await api('county.staff').put('/calendar/2031', {
      source: '测试',
      holidays: [{ name: '元旦', offDays: ['2031-01-01'], workDays: ['2031-01-06', '2033-01-01'] }],
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.issues).toEqual([
      { path: 'body.holidays.0.workDays.0', message: '调休上班日应为周六或周日' },
      { path: 'body.holidays.0.workDays.1', message: '日期不在 2031 年安排范围内' },
    ]);
    expect((await api('county.staff').get('/calendar/1999')).status).toBe(400);
  });

  it('flags a notice reaching into 2027, alerts county staff, holds it open until 2027 is loaded, then recounts and closes', async () => {
    const { deliberationId, subjectId } = await deliberated();
    const body = {
      noticeId: randomUUID(),
      deliberationId,
      kind: 'identification',
      subjectIds: [subjectId],
      objectionContact: '太和村委会',
    };
    const refused = await call('village.taihe', 'POST', '/notices', '2026-12-28T10:00:00+08:00', body);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'CALENDAR_MISSING',
      years: [2027],
      provisionalLastDay: '2027-01-04',
      provisionalEndsAt: '2027-01-04T16:00:00.000Z',
    });
    const posted = await call('village.taihe', 'POST', '/notices', '2026-12-28T10:00:00+08:00', {
      ...body,
      acknowledgeCalendarMissing: true,
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      firstDay: '2026-12-29',
      lastDay: '2027-01-04',
      endsAt: '2027-01-04T16:00:00.000Z',
      calendarMissing: [2027],
    });
    const print = await api('village.taihe').get(`/notices/${body.noticeId}/print`);
    expect(String(print.body)).toContain('公示期跨入2027年，该年度节假日安排尚未公布');
    expect(await openCalendarAlerts()).toEqual([
      expect.objectContaining({ key: '2027', links: [{ type: 'notice', id: body.noticeId }] }),
    ]);

    const byHand = await call(
      'county.staff',
      'POST',
      `/notices/${body.noticeId}/close`,
      '2027-01-06T09:00:00+08:00',
    );
    expect(byHand.status).toBe(409);
    expect(byHand.body).toMatchObject({ code: 'CALENDAR_MISSING', years: [2027] });
    expect(
      (await closeDueNotices({ now: '2027-01-06T09:05:00+08:00', noticeIds: [body.noticeId] })).closed,
    ).not.toContain(body.noticeId);

    const loaded = await call(
      'county.staff',
      'PUT',
      '/calendar/2027',
      '2026-12-30T09:00:00+08:00',
      TEST_2027,
    );
    expect(loaded.status).toBe(200);
    expect(loaded.body).toMatchObject({ year: 2027, origin: 'loaded', loadedAt: '2026-12-30T01:00:00.000Z' });
    expect(await openCalendarAlerts()).toEqual([]);
    const trail = await dynamo.send(
      new QueryCommand({
        TableName: tableName.audit(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ENTITY#calendar#2027' },
      }),
    );
    expect(trail.Items?.map((i) => [i.action, i.summary, i.after])).toEqual([
      [
        'calendar.loaded',
        '载入 2027 年节假日安排：测试用安排（非官方）',
        { source: '测试用安排（非官方）', holidays: 1, offDays: 2, workDays: 0 },
      ],
    ]);
    expect((await api('auditor').get('/calendar/2027')).body).toEqual(loaded.body);

    const recounting = await closeDueNotices({
      now: '2027-01-05T10:05:00+08:00',
      noticeIds: [body.noticeId],
    });
    expect(recounting.recounted).toContain(body.noticeId);
    expect(recounting.closed).not.toContain(body.noticeId);
    const recounted = await api('town.taihe').get(`/notices/${body.noticeId}`);
    expect(recounted.body).toMatchObject({
      status: 'posted',
      lastDay: '2027-01-05',
      endsAt: '2027-01-05T16:00:00.000Z',
      calendarMissing: [],
      version: 2,
    });

    const closing = await closeDueNotices({ now: '2027-01-06T00:05:00+08:00', noticeIds: [body.noticeId] });
    expect(closing.closed).toContain(body.noticeId);
    expect(await noticeStore.subjectOutcome('identification', subjectId)).toEqual({
      subjectType: 'identification',
      subjectId,
      noticeId: body.noticeId,
      kind: 'identification',
      noticeStatus: 'closed',
      subjectStatus: 'listed',
      endsAt: '2027-01-05T16:00:00.000Z',
      closedAt: '2027-01-05T16:05:00.000Z',
    });
  });
});
