import { useId, useState } from 'react';
import type { FollowUp, WHO5, WHO5Input } from '../../../api/steps';
import { stepsApi } from '../../../api/steps';
import { stepKeys, useStepMutation } from '../../../api/stepQueries';
import { BusyButton } from '../../../components/BusyButton';
import { keysAfterRemoval, useFocusReturn } from '../../../components/focus';
import { DateField, TextArea } from '../../../components/form';
import { Badge, ErrorBanner, TableScroll } from '../../../components/ui';
import { hasKey, useI18n } from '../../../i18n/i18n';
import type { MessageKey } from '../../../i18n/messages';
import { isoToDanish, todayIso } from '../../../lib/dates';
import { emptyWho5, signed, who5Level, who5Tally, type Who5Answers } from './logic';
import { ScaleGroup } from './ScaleGroup';
import { EntryForm, RenewingForm, saveThen, Section, useFieldErrors, type RenewingHooks } from './shared';
import { Who5Chart } from './Who5Chart';

const STATEMENTS: MessageKey[] = ['followup.q1', 'followup.q2', 'followup.q3', 'followup.q4', 'followup.q5'];
const SCALE: MessageKey[] = ['followup.scale.s0', 'followup.scale.s1', 'followup.scale.s2', 'followup.scale.s3', 'followup.scale.s4', 'followup.scale.s5'];

type Tone = 'neutral' | 'ok' | 'warn' | 'over' | 'info';
const flagTone = (f: string): Tone => (f === 'possible_depression' ? 'over' : f === 'poor_wellbeing' || f === 'worsened' ? 'warn' : f === 'improved' ? 'ok' : 'neutral');

/** A WHO-5 flag as a Danish (or English) badge; an unknown flag shows as it came. */
export function FlagBadge(p: { flag: string }) {
  const { tx, lang } = useI18n();
  const key = `followup.flag.${p.flag}`;
  return <Badge tone={flagTone(p.flag)}>{hasKey(lang, key) ? tx(key) : p.flag}</Badge>;
}

/** Section 2: the WHO-5 well-being index – a new answer, the trend, and the history. */
export function Who5Section(p: { courseId: number; data: FollowUp; readOnly: boolean }) {
  const { t } = useI18n();
  const rows = p.data.who5;
  const newest = rows.length ? rows[rows.length - 1] : undefined;
  return (
    <Section title={t('followup.who5Title')} intro={t('followup.who5Intro')} className="fu-who5">
      {!p.readOnly && newest?.flags.includes('possible_depression') && (
        <div className="banner banner-warn" data-testid="who5-depression">
          {t('followup.who5LatestDepression', { date: isoToDanish(newest.date), score: newest.percent })}
        </div>
      )}
      {!p.readOnly && (
        <RenewingForm savedText={t('followup.who5Saved')}>{(h) => <Who5Form courseId={p.courseId} {...h} />}</RenewingForm>
      )}
      <h4 className="fu-subhead" tabIndex={-1} data-focus-key="who5-history">
        {t('followup.who5History')}
      </h4>
      {rows.length === 0 ? (
        <p className="muted">{t('followup.who5None')}</p>
      ) : (
        <>
          <Who5Chart rows={rows} />
          <Who5Table courseId={p.courseId} rows={rows} readOnly={p.readOnly} />
        </>
      )}
    </Section>
  );
}

function Who5Form(p: RenewingHooks & { courseId: number }) {
  const { t } = useI18n();
  const base = useId();
  const save = useStepMutation<WHO5Input, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, stepsApi.saveWHO5);
  const [date, setDate] = useState(() => todayIso());
  const [answers, setAnswers] = useState<Who5Answers>(emptyWho5);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const fe = useFieldErrors(save.error);
  const tally = who5Tally(answers);
  const level = tally.complete ? who5Level(tally.score) : null;
  const words = SCALE.map((k) => t(k));

  const answer = (i: number, v: number) => {
    p.onEdit();
    setAnswers((a) => a.map((x, k) => (k === i ? v : x)));
  };

  const submit = async () => {
    if (!tally.complete) {
      setTried(true);
      const first = answers.findIndex((a) => a === null);
      document.getElementById(`${base}-q${first}-0`)?.focus();
      return;
    }
    await saveThen(() => save.mutateAsync({ courseId: p.courseId, date, items: answers.map((a) => a ?? 0), note }), p.onSaved);
  };

  return (
    <EntryForm
      label={t('followup.who5Title')}
      title={t('followup.who5FormTitle')}
      error={save.error}
      busy={save.isPending}
      saveText={t('followup.saveWho5')}
      onSubmit={() => void submit()}
      hint={tried && !tally.complete && <span className="fu-form-hint tone-bad">{t('followup.who5Incomplete')}</span>}
    >
      <DateField label={t('followup.who5Date')} value={date} onChange={setDate} error={fe('date')} />
      <p className="fu-question" id={`${base}-question`}>
        {t('followup.who5Question')}
      </p>
      <div className="fu-who5-grid">
        {/* The five statements are one group; an error about all of them is tied to it. */}
        <div className="fu-who5-items" role="group" aria-labelledby={`${base}-question`} aria-describedby={fe('items') ? `${base}-items-error` : undefined}>
          {STATEMENTS.map((key, i) => (
            <ScaleGroup
              key={key}
              idPrefix={`${base}-q${i}`}
              required
              legend={
                <>
                  <span className="fu-q-no">{i + 1}.</span> {t(key)}
                </>
              }
              words={words}
              value={answers[i]}
              onChange={(v) => answer(i, v)}
              error={(tried && answers[i] === null ? t('followup.who5Pick') : undefined) ?? fe(`items.${i}`)}
            />
          ))}
        </div>
        {/* Not a live region: it would re-read the whole sum after every answer. It follows the
            statements, so it is read where it stands. */}
        <div className={`fu-tally ${level ? `fu-tally-${level}` : ''}`} data-testid="who5-tally">
          <div className="fu-tally-row">
            <span className="fu-tally-label">{t('followup.who5Raw')}</span>
            <span className="fu-tally-value" data-testid="who5-raw">
              {t('followup.who5RawValue', { raw: tally.raw })}
            </span>
          </div>
          <div className="fu-tally-row fu-tally-main">
            <span className="fu-tally-label">{t('followup.who5Score')}</span>
            <span className="fu-tally-value" data-testid="who5-score">
              {t('followup.who5ScoreValue', { score: tally.score })}
            </span>
          </div>
          <div className="fu-small muted">{t('followup.who5Answered', { n: tally.answered })}</div>
          {level === 'depression' && <p className="fu-tally-note">{t('followup.who5PreviewDepression')}</p>}
          {level === 'poor' && <p className="fu-tally-note">{t('followup.who5PreviewPoor')}</p>}
        </div>
      </div>
      {fe('items') && (
        <div className="error" id={`${base}-items-error`}>
          {fe('items')}
        </div>
      )}
      <TextArea label={t('followup.note')} value={note} onChange={setNote} error={fe('note')} rows={2} />
    </EntryForm>
  );
}

function Who5Table(p: { courseId: number; rows: WHO5[]; readOnly: boolean }) {
  const { t } = useI18n();
  const del = useStepMutation<number, FollowUp>(stepKeys.followUp(p.courseId), p.courseId, (id) => stepsApi.deleteWHO5(p.courseId, id));
  const focusReturn = useFocusReturn();
  const rows = [...p.rows].reverse(); // newest first
  const remove = (r: WHO5, i: number) => {
    if (!window.confirm(t('followup.confirmDeleteWho5', { date: isoToDanish(r.date) }))) return;
    // The deleted row held the focus: the next row's button (or the history's heading) takes it.
    del.mutate(r.id, { onSuccess: () => focusReturn(...keysAfterRemoval(rows, i, (x) => `who5-${x.id}`, 'who5-history')) });
  };
  return (
    <>
      <ErrorBanner error={del.error} />
      <TableScroll label={t('followup.who5Title')}>
        <table className="table fu-table" data-testid="who5-table">
          <caption className="fu-sr-only">{t('followup.who5TableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('followup.colDate')}</th>
              <th scope="col" className="num">
                {t('followup.colScore')}
              </th>
              <th scope="col" className="num">
                {t('followup.colRaw')}
              </th>
              <th scope="col" className="num">
                {t('followup.colChange')}
              </th>
              <th scope="col">{t('followup.colFlags')}</th>
              <th scope="col">{t('followup.colNote')}</th>
              {!p.readOnly && (
                <th scope="col">
                  <span className="fu-sr-only">{t('followup.colActions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={r.id}>
                <td>{isoToDanish(r.date)}</td>
                <td className="num">
                  <strong>{r.percent}</strong>
                </td>
                <td className="num">{r.raw}</td>
                <td className="num">
                  {r.change === null || r.change === undefined ? (
                    <span className="muted fu-small fu-nowrap">{t('followup.changeFirst')}</span>
                  ) : (
                    <span className={r.change >= 10 ? 'tone-ok' : r.change <= -10 ? 'tone-bad' : ''}>{signed(r.change)}</span>
                  )}
                </td>
                <td>
                  <span className="fu-badges">
                    {r.flags.map((f) => (
                      <FlagBadge key={f} flag={f} />
                    ))}
                  </span>
                </td>
                <td className="pre" lang="da">{r.note}</td>
                {!p.readOnly && (
                  <td className="fu-cell-actions">
                    <BusyButton className="fu-danger-link" onClick={() => remove(r, i)} busy={del.isPending} data-focus-key={`who5-${r.id}`}
                      aria-label={t('followup.deleteWho5Label', { date: isoToDanish(r.date) })}>
                      {t('followup.deleteWho5')}
                    </BusyButton>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </>
  );
}
