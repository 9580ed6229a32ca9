import { useDeferredValue, useState } from 'react';
import { useCitizens } from '../../api/queries';
import { toAppError } from '../../api/errors';
import { Badge, ErrorBanner, Loading, PageHeader, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { href, navigate } from '../../lib/router';
import { ImportButton } from '../../features/citizendata/ImportButton';
import { CoverNotices } from '../../features/cover/CoverNotices';
import { WhileAwayPanel } from '../../features/cover/WhileAwayPanel';
import { coverText } from '../../features/cover/i18n';

export function statusTone(status: string): 'info' | 'ok' | 'neutral' {
  return status === 'active' ? 'ok' : status === 'visitation' ? 'info' : 'neutral';
}

/** All citizens in Danish order, searchable by name, birth date or worker. */
export function CitizenListPage() {
  const { t, tx, lang } = useI18n();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const list = useCitizens(deferred);
  const n = list.data?.length;
  // Said by a status line that is there before the first result, so a screen reader hears each change (WCAG 4.1.3).
  const count = n === undefined ? '' : n === 0 ? (query ? t('citizens.noMatch') : '') : n === 1 ? t('citizens.countOne') : t('citizens.count', { n });
  return (
    <>
      <PageHeader
        title={t('citizens.title')}
        actions={
          <>
            <ImportButton />
            <a className="button primary" href={href({ name: 'citizenNew' })}>
              {t('citizens.new')}
            </a>
          </>
        }
      />
      <WhileAwayPanel />
      <CoverNotices />
      <div className="search">
        <label htmlFor="citizen-search">{t('citizens.search')}</label>
        <input id="citizen-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" />
        <p className="muted small search-count" role="status">
          {count}
        </p>
      </div>
      <ErrorBanner error={list.error ? toAppError(list.error) : null} />
      {list.isPending ? (
        <Loading />
      ) : list.data && list.data.length === 0 ? (
        !query && <p className="empty">{t('citizens.empty')}</p>
      ) : (
        <TableScroll label={t('citizens.title')}><table className="table clickable">
          <thead>
            <tr>
              <th>{t('citizens.colName')}</th>
              <th>{t('citizens.colCpr')}</th>
              <th>{t('citizens.colHousing')}</th>
              <th>{t('citizens.colCourse')}</th>
              <th>{t('citizens.colWorker')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data?.map((c) => (
              <tr key={c.id} onClick={() => navigate({ name: 'citizen', id: c.id })}>
                <td>
                  <a href={href({ name: 'citizen', id: c.id })}>{c.name}</a>
                  {c.readOnly && (
                    <>
                      {' '}
                      <Badge>{t('auth.readOnlyBadge')}</Badge>
                    </>
                  )}
                  {c.covered && (
                    <>
                      {' '}
                      <span title={coverText[lang].coverBadgeTitle}>
                        <Badge tone="info">{coverText[lang].coverBadge}</Badge>
                        <span className="sr-only">: {coverText[lang].coverBadgeTitle}</span>
                      </span>
                    </>
                  )}
                </td>
                <td className="mono">{c.cprMasked || t('common.none')}</td>
                <td>{c.housing ? tx(`enum.housing.${c.housing}`) : t('common.none')}</td>
                <td>
                  {c.courseStatus ? <Badge tone={statusTone(c.courseStatus)}>{tx(`enum.status.${c.courseStatus}`)}</Badge> : <span className="muted">{t('citizens.noCourse')}</span>}
                </td>
                <td>{c.workerName ? `${c.workerName} (${c.workerInitials})` : t('common.none')}</td>
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      )}
    </>
  );
}
