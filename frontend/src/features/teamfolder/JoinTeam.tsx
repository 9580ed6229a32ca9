import { useEffect, useState } from 'react';
import { teamFolderApi, type FolderCheck, type SyncProgress } from '../../api/teamFolder';
import { toAppError, type AppError } from '../../api/errors';
import { TextField } from '../../components/form';
import { useI18n } from '../../i18n/i18n';
import { SyncProgressBar, tfErrorText, tfFieldText, useTft } from './common';
import { FolderPicker } from './FolderPicker';
import { formatCode } from './logic';

type Stage = { name: 'form' } | { name: 'waiting'; code: string } | { name: 'loading'; code: string } | { name: 'done' };

/**
 * First start on a fresh laptop: join a team folder the team lead made. Shows this laptop's
 * code to read aloud, waits for the enrolment, shows the first load's progress (until the
 * search index is ready: the database takes no writes before), then hands over to sign-in.
 */
export function JoinTeam(p: { onDone: () => Promise<void> | void; busy?: boolean }) {
  const { lang } = useI18n();
  const tt = useTft();
  const [path, setPath] = useState('');
  const [check, setCheck] = useState<FolderCheck | null>(null);
  const [leadCode, setLeadCode] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const [stage, setStage] = useState<Stage>({ name: 'form' });
  const [progress, setProgress] = useState<SyncProgress | null>(null);

  useEffect(() => teamFolderApi.onProgress((pr) => pr.operation === 'load' && setProgress(pr)), []);
  const waitingCode = stage.name === 'waiting' || stage.name === 'loading' ? stage.code : '';
  useEffect(() => {
    if (!waitingCode) return;
    let stop = false;
    const poll = async () => {
      try {
        const js = await teamFolderApi.joinStatus();
        if (stop) return;
        if (js.state === 'loading') setStage({ name: 'loading', code: waitingCode });
        if (js.progress) setProgress(js.progress);
        if (js.state === 'ok' || js.state === 'sending') setStage({ name: 'done' });
      } catch (e) {
        // Once the team's data is in, the laptop asks for a sign-in: the load is over.
        if (!stop && toAppError(e).code === 'not_signed_in') setStage({ name: 'done' });
      }
    };
    void poll();
    const id = window.setInterval(() => void poll(), 2000);
    return () => {
      stop = true;
      window.clearInterval(id);
    };
  }, [waitingCode]);
  useEffect(() => {
    if (stage.name === 'done') void p.onDone();
  }, [stage.name, p]);

  const join = async () => {
    setBusy(true);
    setError(null);
    try {
      const codes = await teamFolderApi.join(path, leadCode, label);
      setStage({ name: 'waiting', code: codes.laptopCode });
    } catch (e) {
      setError(toAppError(e));
    } finally {
      setBusy(false);
    }
  };

  if (stage.name !== 'form') {
    return (
      <div className="card">
        <h2>{tt.joinTitle}</h2>
        {waitingCode && (
          <>
            <p>{tt.joinRead}</p>
            <p className="tf-code">{waitingCode}</p>
          </>
        )}
        <div role="status" aria-live="polite">
          {stage.name === 'waiting' && tt.joinWaiting}
          {stage.name === 'loading' && tt.joinLoading}
          {stage.name === 'done' && tt.joinDone}
        </div>
        {stage.name === 'loading' && <SyncProgressBar progress={progress ?? { operation: 'load', phase: 'snapshot_load', done: 0, total: 0 }} />}
      </div>
    );
  }
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void join();
      }}
    >
      <h2>{tt.joinTitle}</h2>
      <p>{tt.joinIntro}</p>
      <FolderPicker path={path} onPath={setPath} check={check} onCheck={setCheck} onError={setError} error={tfFieldText(lang, error?.field('folder'))} />
      <TextField label={tt.leadCode} help={tt.leadCodeHelp} required value={leadCode} onChange={(v) => setLeadCode(formatCode(v))} maxLength={40} error={tfFieldText(lang, error?.field('leadCode'))} />
      <TextField label={tt.label} help={tt.labelHelp} required value={label} onChange={setLabel} maxLength={60} error={tfFieldText(lang, error?.field('label'))} />
      {error && !error.fields.length && (
        <div className="banner banner-error" role="alert">
          {tfErrorText(lang, error)}
        </div>
      )}
      <button type="submit" disabled={busy || p.busy}>
        {tt.joinButton}
      </button>
    </form>
  );
}
