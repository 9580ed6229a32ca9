import { TableScroll } from '../../components/ui';
import type { TeamLaptop } from '../../api/teamFolder';
import { fill, useTft } from './common';
import { useI18n } from '../../i18n/i18n';
import { danishDateTime } from './logic';

/** The team's laptops with their workers and when each was last seen; revoke for a lead. */
export function LaptopTable(p: { laptops: TeamLaptop[]; onRevoke?: (l: TeamLaptop) => void }) {
  const tt = useTft();
  const { t } = useI18n();
  return (
    <TableScroll label={tt.laptopsTitle}><table className="tf-table">
      <caption className="sr-only">{tt.laptopsTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{tt.colLaptop}</th>
          <th scope="col">{tt.colWorker}</th>
          <th scope="col">{tt.colSeen}</th>
          <th scope="col">{tt.colState}</th>
          {p.onRevoke && (
            <th scope="col">
              <span className="sr-only">{t('common.actionsColumn')}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {p.laptops.map((l) => (
          <tr key={l.laptop}>
            <td>
              {l.label} {l.this && tt.thisLaptop}
            </td>
            <td>
              {l.workerName}
              {l.lead && ` (${tt.leadLaptop})`}
            </td>
            <td>{l.lastSeen ? danishDateTime(l.lastSeen) : tt.never}</td>
            <td>{l.revoked ? tt.revoked : tt.active}</td>
            {p.onRevoke && (
              <td>
                {!l.this && !l.revoked && (
                  <button type="button" onClick={() => p.onRevoke?.(l)} aria-label={fill(tt.revokeTitle, { label: l.label })}>
                    {tt.revoke}
                  </button>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table></TableScroll>
  );
}
