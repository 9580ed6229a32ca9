import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { teamFolderApi, type FolderCheck, type SyncProgress, type TeamLaptop } from '../../api/teamFolder';
import { toAppError, type AppError } from '../../api/errors';
import { useAccounts } from '../../api/authQueries';
import { SelectField, TextField } from '../../components/form';
import { Modal } from '../../components/Modal';
import { BusyButton } from '../../components/BusyButton';
import { StatusLine, useStatusLine } from '../../components/focus';
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
          <h3 tabIndex={-1} data-focus-key="tf-laptops">
            {tt.laptopsTitle}
          </h3>
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
  const [busy, setBusy] = useState('');
  const done = useStatusLine();
  const waiting = (reqs.data ?? []).filter((r) => !r.enrolled);
  const workers = (accounts.data ?? []).filter((a) => a.hasAccount && a.active).map((a) => ({ value: String(a.workerId), label: a.name }));
  const enroll = async (laptop: string, label: string) => {
    setError(null);
    setBusy(laptop);
    try {
      const id = Number(choice[laptop] ?? 0);
      qc.setQueryData(teamFolderKeys.requests, await teamFolderApi.enroll(laptop, id));
      // The approved request's row is gone: the line takes the focus and is read once.
      done.say(fill(tt.enrolled, { label, name: workers.find((w) => w.value === String(id))?.label ?? '' }));
      await qc.invalidateQueries({ queryKey: teamFolderKeys.status });
    } catch (e) {
      done.clear();
      setError(toAppError(e));
    } finally {
      setBusy('');
    }
  };
  return (
    <div>
      <h3>{tt.requestsTitle}</h3>
      <p className="muted small">{tt.requestsHelp}</p>
      <StatusLine status={done} testId="tf-enrolled" />
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
              <BusyButton disabled={!choice[r.laptop]} busy={busy === r.laptop} onClick={() => void enroll(r.laptop, r.label)}>
                {tt.enroll}
              </BusyButton>
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
  const done = useStatusLine();
  const revoke = async () => {
    if (!revoking) return;
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(teamFolderKeys.status, await teamFolderApi.revokeLaptop(revoking.laptop));
      // The row's button is gone: the dialog hands the focus to the laptops' heading, and
      // the line then takes it and is read once.
      done.say(fill(tt.revokeDone, { label: revoking.label }));
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
      <StatusLine status={done} testId="tf-revoked" />
      {revoking && (
        <Modal title={fill(tt.revokeTitle, { label: revoking.label })} onClose={() => setRevoking(null)} busy={busy} returnTo="tf-laptops">
          <p>{tt.revokeText}</p>
          {error && (
            <div className="banner banner-error" role="alert">
              {tfErrorText(lang, error)}
            </div>
          )}
          <div className="tf-row">
            <BusyButton onClick={() => setRevoking(null)} busy={busy}>
              {tt.cancel}
            </BusyButton>
            <BusyButton className="danger" onClick={() => void revoke()} busy={busy}>
              {tt.revokeConfirm}
            </BusyButton>
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
  const done = useStatusLine();
  const workers = new Map<number, string>();
  for (const l of p.laptops) if (!l.this && !l.revoked && l.workerId) workers.set(l.workerId, l.workerName);
  if (workers.size === 0 && !done.text) return null;
  const name = workers.get(Number(choice)) ?? '';
  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      qc.setQueryData(teamFolderKeys.status, await teamFolderApi.revokeWorker(Number(choice)));
      // The opener is disabled now (no worker chosen) or gone (no worker left): the dialog
      // hands the focus to this part's heading, and the line then takes it and is read once.
      done.say(fill(tt.leaverDone, { name }));
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
      <h3 tabIndex={-1} data-focus-key="tf-leaver">
        {tt.leaverTitle}
      </h3>
      <p className="muted small">{tt.leaverHelp}</p>
      <StatusLine status={done} testId="tf-leaver-done" />
      {error && !confirming && (
        <div className="banner banner-error" role="alert">
          {tfErrorText(lang, error)}
        </div>
      )}
      {workers.size > 0 && (
        <div className="tf-row">
          <SelectField label={tt.leaverWorker} value={choice} allowEmpty options={[...workers].map(([id, n]) => ({ value: String(id), label: n }))} onChange={setChoice} />
          <button type="button" className="danger" disabled={!choice} onClick={() => { setError(null); done.clear(); setConfirming(true); }}>
            {tt.leaverButton}
          </button>
        </div>
      )}
      {confirming && (
        <Modal title={fill(tt.leaverConfirmTitle, { name })} onClose={() => setConfirming(false)} busy={busy} returnTo="tf-leaver">
          <p>{tt.leaverConfirmText}</p>
          {error && (
            <div className="banner banner-error" role="alert">
              {tfErrorText(lang, error)}
            </div>
          )}
          <div className="tf-row">
            <BusyButton onClick={() => setConfirming(false)} busy={busy}>
              {tt.cancel}
            </BusyButton>
            <BusyButton className="danger" onClick={() => void revoke()} busy={busy}>
              {tt.leaverConfirm}
            </BusyButton>
          </div>
        </Modal>
      )}
    </div>
  );
}
