/** Reading notices in the caller's area (out of scope is 404), their objections and the printable page. */
import type { Identity } from '../../auth/identity.ts';
import { assertRegionScope, narrowRegion } from '../../auth/authorize.ts';
import type { NoticeStore } from '../../adapters/notice-store.ts';
import type { Notice, NoticeStatus, Objection } from '../../domain/notice/notice.ts';
import { renderNoticeHtml } from '../../domain/notice/print.ts';
import { NotFound } from '../../http/errors.ts';
import type { Page, PageRequest } from '../registry/ports.ts';
import type { NoticeDeps } from './ports.ts';

export const loadNoticeInScope = async (
  notices: Pick<NoticeStore, 'get'>,
  identity: Identity,
  noticeId: string,
): Promise<Notice> => {
  const notice = await notices.get(noticeId);
  if (!notice) throw new NotFound('公示不存在或不在您的管辖范围内');
  assertRegionScope(identity, notice.villageCode);
  return notice;
};

export const getNoticeDetail = async (
  notices: Pick<NoticeStore, 'get' | 'listObjections'>,
  identity: Identity,
  noticeId: string,
): Promise<Notice & { objections: Objection[] }> => {
  const notice = await loadNoticeInScope(notices, identity, noticeId);
  return { ...notice, objections: await notices.listObjections(noticeId) };
};

export const listNotices = (
  notices: Pick<NoticeStore, 'list'>,
  identity: Identity,
  filter: { status?: NoticeStatus; villageCode?: string; townCode?: string },
  page: PageRequest,
): Promise<Page<Notice>> =>
  notices.list(
    { regionCode: narrowRegion(identity, filter.villageCode ?? filter.townCode), status: filter.status },
    page,
  );

export const printNotice = async (
  deps: Pick<NoticeDeps, 'notices' | 'regionNames'>,
  identity: Identity,
  noticeId: string,
): Promise<string> => {
  const notice = await loadNoticeInScope(deps.notices, identity, noticeId);
  const names = await deps.regionNames(notice.countyCode);
  return renderNoticeHtml(notice, {
    villageName: names.get(notice.villageCode) ?? notice.villageCode,
    townName: names.get(notice.townCode) ?? '',
  });
};
