import { useState } from 'react';
import type { Coordination, Meeting, MeetingInput } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { Badge, ErrorBanner, TableScroll } from '../../../components/ui';
import { useI18n } from '../../../i18n/i18n';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { emptyMeeting, MeetingForm, meetingInput } from './MeetingForm';
import { newestFirst, StepSection, useFormErrors } from './shared';
import { useFocusReturn } from '../../../components/focus';

/** The coordination meetings, newest first, each with its agreed actions. */
export function MeetingsSection(p: { courseId: number; meetings: Meeting[]; readOnly: boolean }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<MeetingInput | null>(null);
  const focusReturn = useFocusReturn();
  const meetings = newestFirst(p.meetings, (m) => m.date);
  const editable = !p.readOnly;
  const busy = editing !== null;

  const close = () => {
    const id = editing?.id ?? 0;
    focusReturn(...(id ? [`meeting-${id}`] : []), 'meeting-add');
    setEditing(null);
  };
  const form = (m: MeetingInput) => <MeetingForm key={m.id} initial={m} onDone={close} />;

  return (
    <StepSection
      id="coord-meetings"
      title={t('coordination.meetingsTitle')}
      count={meetings.length ? String(meetings.length) : undefined}
      intro={t('coordination.meetingsIntro')}
      action={
        editable && (
          <button type="button" className="primary" data-focus-key="meeting-add" disabled={busy} onClick={() => setEditing(emptyMeeting(p.courseId))}>
            {t('coordination.addMeeting')}
          </button>
        )
      }
    >
      {editing && editing.id === 0 && form(editing)}
      {meetings.length === 0 ? (
        <div className="ca-empty">
          <p>{t('coordination.noMeetings')}</p>
        </div>
      ) : (
        <ul className="ca-cards" aria-labelledby="coord-meetings">
          {meetings.map((m) => (
            <li key={m.id}>
              {editing?.id === m.id ? (
                form(editing)
              ) : (
                <MeetingCard courseId={p.courseId} meeting={m} editable={editable} busy={busy} onEdit={() => setEditing(meetingInput(p.courseId, m))} />
              )}
            </li>
          ))}
        </ul>
      )}
    </StepSection>
  );
}

/** One meeting as read; ticking an action done saves the meeting with its whole action list. */
function MeetingCard(p: { courseId: number; meeting: Meeting; editable: boolean; busy: boolean; onEdit: () => void }) {
  const { t } = useI18n();
  const m = p.meeting;
  const save = useStepMutation<MeetingInput, Coordination>(stepKeys.coordination(p.courseId), p.courseId, stepsApi.saveMeeting);
  const { err } = useFormErrors(save.error);
  // while a tick is being saved, show it as it will be
  const actions = save.isPending && save.variables ? save.variables.actions : m.actions;
  const today = todayIso();
  const date = isoToDanish(m.date);
  const headingId = `meeting-${m.id}-title`;
  const done = actions.filter((a) => a.done).length;

  const toggle = (i: number) => {
    const input = meetingInput(p.courseId, m);
    save.mutate({ ...input, actions: input.actions.map((a, j) => (j === i ? { ...a, done: !a.done } : a)) });
  };

  const facts: [string, string][] = [
    [t('coordination.purpose'), m.purpose],
    [t('coordination.participants'), m.participants],
    [t('coordination.preparation'), m.preparation],
    [t('coordination.outcome'), m.outcome],
  ];

  return (
    <article className="ca-card coord-meeting" aria-labelledby={headingId} data-testid={`meeting-${m.id}`}>
      <div className="ca-card-head">
        <h4 id={headingId}>
          {t('coordination.meetingOn', { date })} {m.date > today && <Badge tone="info">{t('coordination.planned')}</Badge>}
        </h4>
        {p.editable && (
          <button type="button" className="link" data-focus-key={`meeting-${m.id}`} disabled={p.busy} onClick={p.onEdit} aria-label={t('coordination.editMeetingOn', { date })}>
            {t('common.edit')}
          </button>
        )}
      </div>
      <dl className="facts ca-facts">
        {facts
          .filter(([, v]) => v.trim() !== '')
          .flatMap(([label, v]) => [
            <dt key={`${label}-t`}>{label}</dt>,
            <dd key={`${label}-d`} className="pre" lang="da">
              {v}
            </dd>,
          ])}
      </dl>
      <div className="coord-actions-view">
        <h5>
          {t('coordination.actions')}
          {actions.length > 0 && <span className="ca-count">{t('coordination.doneCount', { done, total: actions.length })}</span>}
        </h5>
        <ErrorBanner error={err} />
        {actions.length === 0 ? (
          <p className="muted coord-no-rows">{t('coordination.noActions')}</p>
        ) : (
          <TableScroll label={t('coordination.actions')}><table className="table coord-actions">
            <thead>
              <tr>
                <th scope="col">{t('coordination.action')}</th>
                <th scope="col">{t('coordination.owner')}</th>
                <th scope="col">{t('coordination.deadline')}</th>
                <th scope="col" className="coord-done-col">
                  {t('coordination.done')}
                </th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a, i) => {
                const overdue = p.editable && !a.done && a.deadline !== '' && a.deadline < today;
                return (
                  <tr key={i} className={a.done ? 'coord-done' : ''}>
                    <td className="pre" lang="da">{a.action}</td>
                    <td>{a.owner || <span className="muted">{t('common.none')}</span>}</td>
                    <td className="coord-date">
                      {a.deadline ? isoToDanish(a.deadline) : <span className="muted">{t('common.none')}</span>}
                      {overdue && (
                        <>
                          {' '}
                          <Badge tone="warn">{t('coordination.overdue')}</Badge>
                        </>
                      )}
                    </td>
                    <td className="coord-done-col">
                      {p.editable ? (
                        <input
                          type="checkbox"
                          checked={a.done}
                          disabled={save.isPending}
                          onChange={() => toggle(i)}
                          aria-label={t('coordination.doneNamed', { action: a.action })}
                        />
                      ) : a.done ? (
                        <Badge tone="ok">{t('coordination.done')}</Badge>
                      ) : (
                        <span className="muted">{t('coordination.notDone')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table></TableScroll>
        )}
      </div>
    </article>
  );
}
