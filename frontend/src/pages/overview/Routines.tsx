import { useState } from 'react';
import type { CaseReviewDue, ContactIntensityRow, Overview } from '../../api/overview';
import { useDeleteTeamMeeting, useSaveTeamMeeting } from '../../api/overviewQueries';
import { fieldText } from '../../components/errorText';
import { DateField, SelectField, TextArea, TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useFrequencyText } from '../../features/wizard/followup/ContactSection';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish, todayIso } from '../../lib/dates';
import { href } from '../../lib/router';
import { BusyButton } from '../../components/BusyButton';

/** The courses with an agreed contact frequency, those below it in their latest whole week first. */
export function IntensityList(p: { rows: ContactIntensityRow[] }) {
  const { t } = useI18n();
  const freqText = useFrequencyText();
  return (
    <section className="card ov-todo" data-testid="todo-intensity" aria-label={t('overview.todo.intensity')}>
      <h2 className="ov-h2">
        {t('overview.todo.intensity')} <span className="badge">{p.rows.length}</span>
      </h2>
      {p.rows.length === 0 ? (
        <p className="muted">{t('overview.none')}</p>
      ) : (
        <ul>
          {p.rows.map((r) => {
            const below = r.lastWeek?.state === 'below';
            return (
              <li key={r.courseId} className={below ? 'ov-warn' : undefined}>
                <a href={href({ name: 'course', id: r.courseId, step: 'followup' })}>{r.citizenName}</a>
                {r.workerInitials && <span className="muted"> ({r.workerInitials})</span>}
                {below && <strong className="ov-flag"> · {t('overview.todo.intensityBelow')}</strong>}
                <div className="ov-line">
                  {r.lastWeek
                    ? t('overview.todo.intensityLine', {
                        freq: freqText(r.frequency),
                        contacts: r.lastWeek.contacts,
                        minutes: r.lastWeek.minutes,
                        attempts: r.lastWeek.attempts,
                      })
                    : t('overview.todo.intensityNoWeek', { freq: freqText(r.frequency) })}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The courses whose case review at a team meeting is due within 14 days or overdue. */
export function ReviewsDue(p: { rows: CaseReviewDue[] }) {
  const { t } = useI18n();
  return (
    <section className="card ov-todo" data-testid="todo-reviews" aria-label={t('overview.todo.reviews')}>
      <h2 className="ov-h2">
        {t('overview.todo.reviews')} <span className="badge">{p.rows.length}</span>
      </h2>
      {p.rows.length === 0 ? (
        <p className="muted">{t('overview.none')}</p>
      ) : (
        <ul>
          {p.rows.map((r) => (
            <li key={r.courseId} className={r.state === 'overdue' ? 'ov-bad' : 'ov-warn'}>
              <a href={href({ name: 'course', id: r.courseId, step: 'followup' })}>{r.citizenName}</a>
              {r.workerInitials && <span className="muted"> ({r.workerInitials})</span>}
              <div className="ov-line">
                {r.days < 0
                  ? t('overview.todo.overdue', { days: -r.days, date: isoToDanish(r.dueDate) })
                  : r.days === 0
                    ? t('overview.todo.dueToday')
                    : t('overview.todo.dueIn', { days: r.days, date: isoToDanish(r.dueDate) })}
                {' · '}
                {r.lastReview ? t('overview.todo.reviewLast', { date: isoToDanish(r.lastReview) }) : t('overview.todo.reviewNever')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The team's weekly status meetings and external supervision, with a form to record one. */
export function RoutinesCard(p: { o: Overview }) {
  const { t, tx, lang } = useI18n();
  const r = p.o.routines;
  const save = useSaveTeamMeeting();
  const del = useDeleteTeamMeeting();
  const remove = (m: { id: number; date: string }) => {
    if (!window.confirm(t('overview.routines.confirmDelete', { date: isoToDanish(m.date) }))) return;
    del.mutate(m.id);
  };
  const [kind, setKind] = useState('status');
  const [date, setDate] = useState(() => todayIso());
  const [participants, setParticipants] = useState('');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  const fe = (f: string) => fieldText(lang, save.error?.field(f));
  const submit = async () => {
    try {
      await save.mutateAsync({ id: 0, kind, date, participants, note });
      setSaved(true);
      setParticipants('');
      setNote('');
    } catch {
      // shown by the banner and the field errors
    }
  };
  return (
    <section className="card" aria-labelledby="ov-routines" data-testid="team-routines">
      <h2 id="ov-routines">{t('overview.routines.title')}</h2>
      <p className="muted">{t('overview.routines.intro')}</p>
      <ul className="ov-routines">
        <li className={r.statusMeetingLate ? 'ov-warn' : undefined} data-testid="routines-status">
          {r.lastStatus ? t('overview.routines.lastStatus', { date: isoToDanish(r.lastStatus) }) : t('overview.routines.noStatus')}
          {r.lastStatus && r.statusMeetingLate && <strong> {t('overview.routines.statusLate')}</strong>}
        </li>
        <li data-testid="routines-supervision">
          {r.lastSupervision ? t('overview.routines.lastSupervision', { date: isoToDanish(r.lastSupervision) }) : t('overview.routines.noSupervision')}
        </li>
      </ul>
      <form
        className="ov-routine-form"
        aria-label={t('overview.routines.formTitle')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h3>{t('overview.routines.formTitle')}</h3>
        <ErrorBanner error={save.error} />
        <SelectField
          label={t('overview.routines.kind')}
          value={kind}
          allowEmpty={false}
          options={['status', 'supervision'].map((k) => ({ value: k, label: tx(`overview.routines.kinds.${k}`) }))}
          onChange={(v) => {
            setSaved(false);
            setKind(v);
          }}
          error={fe('kind')}
        />
        <DateField label={t('overview.routines.date')} value={date} onChange={setDate} error={fe('date')} required />
        <TextField label={t('overview.routines.participants')} value={participants} onChange={setParticipants} error={fe('participants')} />
        <TextArea label={t('overview.routines.note')} help={t('overview.routines.noteHelp')} value={note} onChange={setNote} error={fe('note')} rows={2} />
        <div className="form-actions">
          <BusyButton type="submit" className="primary" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('overview.routines.save')}
          </BusyButton>
          <span role="status" aria-live="polite">
            {saved ? `✓ ${t('overview.routines.saved')}` : ''}
          </span>
        </div>
      </form>
      {r.meetings.length > 0 && (
        <>
          <h3>{t('overview.routines.history')}</h3>
          <ErrorBanner error={del.error} />
          <ul className="ov-meetings" data-testid="routines-list">
            {r.meetings.slice(0, 8).map((m) => (
              <li key={m.id}>
                <strong>{isoToDanish(m.date)}</strong> · {tx(`overview.routines.kinds.${m.kind}`)}
                {m.participants && <span className="muted"> · {m.participants}</span>}{' '}
                <button
                  type="button"
                  className="ov-danger-link"
                  onClick={() => remove(m)}
                  disabled={del.isPending}
                  aria-label={t('overview.routines.deleteLabel', { date: isoToDanish(m.date) })}
                >
                  {t('overview.routines.delete')}
                </button>
                {m.note && <div className="pre" lang="da">{m.note}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
