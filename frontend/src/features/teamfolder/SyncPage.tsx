import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { teamFolderApi } from '../../api/teamFolder';
import { toAppError, type AppError } from '../../api/errors';
import { Loading, PageHeader } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { fill, teamFolderKeys, tfErrorText, useTeamFolderStatus, useTft } from './common';
import { LaptopTable } from './LaptopTable';
import { danishDateTime } from './logic';

/** The sync page: last sync, waiting changes, each laptop's last seen, every problem with advice. */
export function SyncPage() {
  const { lang } = useI18n();
  const tt = useTft();
  const qc = useQueryClient();
  const status = useTeamFolderStatus();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  if (!status.data) return <Loading />;
  const s = status.data;
  const syncNow = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(teamFolderKeys.status, await teamFolderApi.syncNow());
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <PageHeader title={tt.syncTitle} />
      {s.state === 'none' ? (
        <section className="card">
          <p>{tt.notInTeam}</p>
        </section>
      ) : (
        <>
          <section className="card">
            <dl className="facts">
              <dt>{tt.colState}</dt>
              <dd>{tt.states[s.state as keyof typeof tt.states] ?? s.state}</dd>
              <dt>{tt.lastSync}</dt>
              <dd>{s.lastSync ? danishDateTime(s.lastSync) : tt.never}</dd>
              <dt>{tt.pending}</dt>
              <dd>{s.pending}</dd>
              <dt>{tt.laptopCode}</dt>
              <dd className="tf-code">{s.laptopCode}</dd>
            </dl>
            <button type="button" className="primary" disabled={busy} onClick={() => void syncNow()}>
              {busy ? tt.syncing : tt.syncNow}
            </button>
            {error && (
              <div className="banner banner-error" role="alert">
                {tfErrorText(lang, error)}
              </div>
            )}
          </section>
          <section className="card">
            <h2>{tt.problemsTitle}</h2>
            {s.problems.length === 0 ? (
              <p>{tt.problemsNone}</p>
            ) : (
              <ul className="tf-problems">
                {s.problems.map((pr, i) => {
                  const text = tt.problems[pr.code as keyof typeof tt.problems];
                  const params = { ...pr.params, since: danishDateTime(pr.params.since ?? '') };
                  return (
                    <li key={i}>
                      <strong>{text ? fill(text.what, params) : pr.code}</strong> {text && fill(text.todo, params)}
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
          <section className="card">
            <h2>{tt.laptopsTitle}</h2>
            <LaptopTable laptops={s.laptops} />
          </section>
        </>
      )}
    </>
  );
}
