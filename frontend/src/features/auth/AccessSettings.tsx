import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from '../../api/errors';
import { stepsApi, type TeamSettings } from '../../api/steps';
import { stepKeys, useTeamSettings } from '../../api/stepQueries';
import { BusyButton } from '../../components/BusyButton';
import { fieldText } from '../../components/errorText';
import { StatusLine, useFocusFirstInvalid, useStatusLine } from '../../components/focus';
import { TextField } from '../../components/form';
import { ErrorBanner, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { ChangePasswordForm } from './ChangePasswordForm';
import { useIsLead, useSession } from './session';

const modes = ['read_only', 'none'] as const;

/** The team's access settings (team lead) and everyone's own password, on the settings page. */
export function AccessSettings() {
  const { t } = useI18n();
  const session = useSession();
  return (
    <>
      <TeamAccessSettings />
      {session?.user && <ChangePasswordForm title={t('auth.ownPasswordTitle')} intro={t('auth.ownPasswordIntro')} onDone={session.apply} />}
    </>
  );
}

function TeamAccessSettings() {
  const { t } = useI18n();
  const isLead = useIsLead();
  const q = useTeamSettings();
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  if (!isLead) {
    const mode = q.data.colleagueAccess === 'none' ? t('auth.hiddenOption') : t('auth.readOnlyOption');
    return (
      <section className="card" aria-labelledby="access-title">
        <h2 id="access-title">{t('auth.accessTitle')}</h2>
        <p>{t('auth.colleagueAccessIs', { mode })}</p>
        <p>{t('auth.lockMinutesIs', { n: q.data.lockMinutes })}</p>
        <p className="muted small">{t('auth.leadOnlySettings')}</p>
      </section>
    );
  }
  return <TeamAccessForm initial={q.data} />;
}

function TeamAccessForm(p: { initial: TeamSettings }) {
  const { t, lang } = useI18n();
  const qc = useQueryClient();
  const session = useSession();
  const [f, setFields] = useState({ colleagueAccess: p.initial.colleagueAccess, lockMinutes: String(p.initial.lockMinutes), contactGapDays: String(p.initial.contactGapDays) });
  // "Gemt" is said in a line mounted once, which takes the focus: the save button becomes
  // unavailable once nothing is changed, and a failed save focuses the first wrong field.
  const status = useStatusLine();
  const formRef = useRef<HTMLFormElement>(null);
  const setF = (next: typeof f) => {
    status.clear();
    setFields(next);
  };
  const save = useMutation<TeamSettings, AppError, TeamSettings>({
    mutationFn: stepsApi.saveTeamSettings,
    onSuccess: (s) => {
      qc.setQueryData(stepKeys.teamSettings, s);
      // Who sees which citizens, and which courses lack contact, may have changed.
      void qc.invalidateQueries({ queryKey: ['citizens'] });
      void qc.invalidateQueries({ queryKey: ['citizen'] });
      void qc.invalidateQueries({ queryKey: ['course'] });
      void session?.refresh(); // the new lock time
      status.say(t('auth.settingsSaved'));
    },
  });
  useFocusFirstInvalid(formRef, save.error);
  const fe = (name: string) => fieldText(lang, save.error?.field(name));
  const num = (v: string) => (/^\s*\d+\s*$/.test(v) ? Number(v) : -1);
  const dirty = f.colleagueAccess !== p.initial.colleagueAccess || num(f.lockMinutes) !== p.initial.lockMinutes || num(f.contactGapDays) !== p.initial.contactGapDays;
  return (
    <form
      ref={formRef}
      className="card form"
      aria-labelledby="access-title"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ colleagueAccess: f.colleagueAccess, lockMinutes: num(f.lockMinutes), contactGapDays: num(f.contactGapDays) });
      }}
    >
      <h2 id="access-title">{t('auth.accessTitle')}</h2>
      <ErrorBanner error={save.error && !save.error.fields.length ? save.error : null} />
      <fieldset className={`field ${fe('colleagueAccess') ? 'field-invalid' : ''}`} aria-describedby={fe('colleagueAccess') ? 'colleague-access-help colleague-access-error' : 'colleague-access-help'}>
        <legend>{t('auth.colleagueAccess')}</legend>
        <p className="help" id="colleague-access-help">
          {t('auth.colleagueAccessHelp')}
        </p>
        <div className="explained-choices">
          {modes.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="colleague-access"
                value={m}
                checked={f.colleagueAccess === m}
                aria-invalid={fe('colleagueAccess') ? true : undefined}
                onChange={() => setF({ ...f, colleagueAccess: m })}
              />
              <span>{m === 'read_only' ? t('auth.readOnlyOption') : t('auth.hiddenOption')}</span>
              <span className="help">{m === 'read_only' ? t('auth.readOnlyOptionHelp') : t('auth.hiddenOptionHelp')}</span>
            </label>
          ))}
        </div>
        {fe('colleagueAccess') && (
          <div className="error" id="colleague-access-error">
            {fe('colleagueAccess')}
          </div>
        )}
      </fieldset>
      <div className="row">
        <TextField label={t('auth.lockMinutes')} required value={f.lockMinutes} onChange={(lockMinutes) => setF({ ...f, lockMinutes })} error={fe('lockMinutes')} help={t('auth.lockMinutesHelp')} inputMode="decimal" maxLength={3} />
        <TextField label={t('auth.contactGapDays')} required value={f.contactGapDays} onChange={(contactGapDays) => setF({ ...f, contactGapDays })} error={fe('contactGapDays')} help={t('auth.contactGapDaysHelp')} inputMode="decimal" maxLength={2} />
      </div>
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={save.isPending} disabled={!dirty}>
          {t('auth.saveSettings')}
        </BusyButton>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
