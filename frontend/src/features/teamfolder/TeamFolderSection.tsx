import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { teamFolderApi, type FolderCheck, type SyncProgress, type TeamLaptop } from '../../api/teamFolder';
import { toAppError, type AppError } from '../../api/errors';
import { useAccounts } from '../../api/authQueries';
import { SelectField, TextField } from '../../components/form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/i18n';
import { useIsLead } from '../auth/session';
import { fill, SyncProgressBar, teamFolderKeys, tfErrorText, tfFieldText, useTeamFolderStatus, useTft } from './common';
import { FolderPicker } from './FolderPicker';
import { LaptopTable } from './LaptopTable';

/** Settings → Teammappe: found it (team lead), approve and disconnect laptops; read-only for workers. */
export function TeamFolderSection() {
  const tt = useTft();
  const isLead = useIsLead();
  const status = useTeamFolderStatus();
  const s = status.data;
  return (
    <section className="card" aria-labelledby="tf-title">
      <h2 id="tf-title">{tt.title}</h2>
      <p>{tt.intro}</p>
      {!isLead && <p>{tt.workerView}</p>}
      {s && s.state === 'none' && isLead && <FoundForm />}
      {s && s.state === 'none' && !isLead && <p>{tt.notInTeam}</p>}
      {s && s.state !== 'none' && (
        <>
          {isLead && s.teamCode && (
            <div>
              <h3>{tt.teamCode}</h3>
              <p className="tf-code">{s.teamCode}</p>
              <p className="muted small">{tt.teamCodeHelp}</p>
            </div>
          )}
          {isLead && <JoinRequests />}
          <h3>{tt.laptopsTitle}</h3>
          <Laptops laptops={s.laptops} lead={isLead} />
          {isLead && <WorkerLeaves laptops={s.laptops} />}
        </>
      )}
    </section>
  );
}

function FoundForm() {
  const { lang } = useI18n();
  const tt = useTft();
  const qc = useQueryClient();
  const [path, setPath] = useState('');
  const [label, setLabel] = useState('');
  const [check, setCheck] = useState<FolderCheck | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => teamFolderApi.onProgress((p) => p.operation === 'found' && setProgress(p)), []);
  const found = async () => {
    setBusy(true);
    setError(null);
    try {
      await teamFolderApi.found(path, label);
      await qc.invalidateQueries({ queryKey: teamFolderKeys.status });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void found();
      }}
    >
      <h3>{tt.foundTitle}</h3>
      <p>{tt.foundIntro}</p>
      <FolderPicker path={path} onPath={setPath} check={check} onCheck={setCheck} onError={setError} error={tfFieldText(lang, error?.field('folder'))} />
      <TextField label={tt.label} help={tt.labelHelp} required value={label} onChange={setLabel} maxLength={60} error={tfFieldText(lang, error?.field('label'))} />
      {error && !error.fields.length && (
        <div className="banner banner-error" role="alert">
          {tfErrorText(lang, error)}
        </div>
      )}
      {busy && <SyncProgressBar progress={progress ?? { operation: 'found', phase: 'snapshot_read', done: 0, total: 0 }} />}
      <button className="primary" type="submit" disabled={busy || (check !== null && !check.usable)}>
        {tt.foundButton}
      </button>
    </form>
  );
}

function JoinRequests() {
  const { lang } = useI18n();
  const tt = useTft();
  const qc = useQueryClient();
  const reqs = useQuery({ queryKey: teamFolderKeys.requests, queryFn: teamFolderApi.requests, refetchInterval: 10_000 });
  const accounts = useAccounts();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState('');
  const waiting = (reqs.data ?? []).filter((r) => !r.enrolled);
  const workers = (accounts.data ?? []).filter((a) => a.hasAccount && a.active).map((a) => ({ value: String(a.workerId), label: a.name }));
  const enroll = async (laptop: string, label: string) => {
    setError(null);
    try {
      const id = Number(choice[laptop] ?? 0);
      qc.setQueryData(teamFolderKeys.requests, await teamFolderApi.enroll(laptop, id));
      setDone(fill(tt.enrolled, { label, name: workers.find((w) => w.value === String(id))?.label ?? '' }));
      await qc.invalidateQueries({ queryKey: teamFolderKeys.status });
    } catch (e) {
      setError(toAppError(e));
    }
  };
  return (
    <div>
      <h3>{tt.requestsTitle}</h3>
      <p className="muted small">{tt.requestsHelp}</p>
      {done && <div role="status">{done}</div>}
      {error && (
        <div className="banner banner-error" role="alert">
          {error.fields.length ? tfFieldText(lang, error.fields[0]) : tfErrorText(lang, error)}
        </div>
      )}
      {waiting.length === 0 ? (
        <p>{tt.requestsNone}</p>
      ) : (
        <ul>
          {waiting.map((r) => (
            <li key={r.laptop} className="tf-row">
              <div>
                <strong>{r.label}</strong>
                <div>
                  {tt.code}: <span className="tf-code">{r.code}</span>
                </div>
              </div>
              <SelectField label={`${tt.worker} (${r.label})`} value={choice[r.laptop] ?? ''} options={workers} allowEmpty onChange={(v) => setChoice((c) => ({ ...c, [r.laptop]: v }))} />
              <button type="button" disabled={!choice[r.laptop]} onClick={() => void enroll(r.laptop, r.label)}>
                {tt.enroll}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Laptops(p: { laptops: TeamLaptop[]; lead: boolean }) {
  const { lang } = useI18n();
  const tt = useTft();
  const qc = useQueryClient();
  const [revoking, setRevoking] = useState<TeamLaptop | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(teamFolderKeys.status, await teamFolderApi.revokeLaptop(revoking.laptop));
      setRevoking(null);
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <LaptopTable laptops={p.laptops} onRevoke={p.lead ? setRevoking : undefined} />
      {revoking && (
        <Modal title={fill(tt.revokeTitle, { label: revoking.label })} onClose={() => setRevoking(null)} busy={busy}>
          <p>{tt.revokeText}</p>
          {error && (
            <div className="banner banner-error" role="alert">
              {tfErrorText(lang, error)}
            </div>
          )}
          <div className="tf-row">
            <button type="button" onClick={() => setRevoking(null)} disabled={busy}>
              {tt.cancel}
            </button>
            <button type="button" className="danger" onClick={() => void revoke()} disabled={busy}>
              {tt.revokeConfirm}
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}

/**
 * A worker who leaves the team: their account is made inactive and every laptop enrolled for
 * them disconnected, in one go (the backend refuses while they still have open courses).
 */
function WorkerLeaves(p: { laptops: TeamLaptop[] }) {
  const { lang } = useI18n();
  const tt = useTft();
  const qc = useQueryClient();
  const [choice, setChoice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState('');
  const workers = new Map<number, string>();
  for (const l of p.laptops) if (!l.this && !l.revoked && l.workerId) workers.set(l.workerId, l.workerName);
  if (workers.size === 0 && !done) return null;
  const name = workers.get(Number(choice)) ?? '';
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(teamFolderKeys.status, await teamFolderApi.revokeWorker(Number(choice)));
      setDone(fill(tt.leaverDone, { name }));
      setConfirming(false);
      setChoice('');
      await qc.invalidateQueries();
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div>
      <h3>{tt.leaverTitle}</h3>
      <p className="muted small">{tt.leaverHelp}</p>
      {done && <div role="status">{done}</div>}
      {error && !confirming && (
        <div className="banner banner-error" role="alert">
          {tfErrorText(lang, error)}
        </div>
      )}
      {workers.size > 0 && (
        <div className="tf-row">
          <SelectField label={tt.leaverWorker} value={choice} allowEmpty options={[...workers].map(([id, n]) => ({ value: String(id), label: n }))} onChange={setChoice} />
          <button type="button" className="danger" disabled={!choice} onClick={() => { setError(null); setConfirming(true); }}>
            {tt.leaverButton}
          </button>
        </div>
      )}
      {confirming && (
        <Modal title={fill(tt.leaverConfirmTitle, { name })} onClose={() => setConfirming(false)} busy={busy}>
          <p>{tt.leaverConfirmText}</p>
          {error && (
            <div className="banner banner-error" role="alert">
              {tfErrorText(lang, error)}
            </div>
          )}
          <div className="tf-row">
            <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
              {tt.cancel}
            </button>
            <button type="button" className="danger" onClick={() => void revoke()} disabled={busy}>
              {tt.leaverConfirm}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
