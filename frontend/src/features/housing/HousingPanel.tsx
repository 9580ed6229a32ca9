import { useState } from 'react';
import type { HousingEntry, HousingHistory } from '../../api/housing';
import { toAppError } from '../../api/errors';
import { useHousingHistory, useRecordHousing, useWithdrawHousing } from '../../api/housingQueries';
import { useVocabulary } from '../../api/queries';
import { BusyButton } from '../../components/BusyButton';
import { fieldText } from '../../components/errorText';
import { StatusLine, useFocusFirstField, useFocusReturn, useStatusLine } from '../../components/focus';
import { DateField, SelectField, TextArea } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish, todayIso } from '../../lib/dates';
import './housing.css';

type Editing = { mode: 'new' } | { mode: 'correct'; entry: HousingEntry } | { mode: 'withdraw'; entry: HousingEntry } | null;

/** The data-focus-key of the button that opened a form. */
function openerKey(e: NonNullable<Editing>): string {
  return e.mode === 'new' ? 'housing-record' : `housing-${e.mode}-${e.entry.id}`;
}

/**
 * A citizen's housing history where housing is entered (citizen, visitation step, closing):
 * the situation now, "register a move" and the dated entries, newest first. A wrong move is
 * corrected by a new entry or withdrawn with a reason; either way the old one stays visible.
 * A form takes the focus when it opens; after a save a status line says what happened and
 * takes it, after a cancel the button that opened the form gets it back.
 */
export function HousingPanel(p: { citizenId: number; readOnly?: boolean; compact?: boolean }) {
  const { t } = useI18n();
  const q = useHousingHistory(p.citizenId);
  const [editing, setEditing] = useState<Editing>(null);
  const status = useStatusLine();
  const focusReturn = useFocusReturn();
  const open = (e: NonNullable<Editing>) => {
    status.clear();
    setEditing(e);
  };
  const done = (saved: boolean) => {
    const e = editing;
    setEditing(null);
    if (!e) return;
    if (!saved) focusReturn(openerKey(e));
    else status.say(t(e.mode === 'new' ? 'housing.saved' : e.mode === 'correct' ? 'housing.correctedSaved' : 'housing.withdrawnSaved'));
  };
  if (q.isPending) return <Loading />;
  if (q.error) return <ErrorBanner error={toAppError(q.error)} />;
  const h = q.data;
  const readOnly = p.readOnly || h.readOnly;
  return (
    <section className="housing-panel" aria-label={t('housing.title')} data-testid="housing-panel">
      <h3>{t('housing.title')}</h3>
      <Current h={h} />
      {!readOnly && editing === null && (
        <div className="form-actions">
          <button type="button" data-focus-key="housing-record" onClick={() => open({ mode: 'new' })}>
            {t('housing.record')}
          </button>
        </div>
      )}
      {!readOnly && editing && editing.mode !== 'withdraw' && (
        <MoveForm key={openerKey(editing)} citizenId={p.citizenId} entry={editing.mode === 'correct' ? editing.entry : undefined} onDone={done} />
      )}
      {!readOnly && editing?.mode === 'withdraw' && <WithdrawForm key={openerKey(editing)} citizenId={p.citizenId} entry={editing.entry} onDone={done} />}
      {!readOnly && <StatusLine status={status} />}
      <History h={h} readOnly={readOnly} compact={p.compact} onCorrect={(entry) => open({ mode: 'correct', entry })} onWithdraw={(entry) => open({ mode: 'withdraw', entry })} />
    </section>
  );
}

function Current(p: { h: HousingHistory }) {
  const { t, tx } = useI18n();
  if (!p.h.current) return <p className="muted">{t('housing.none')}</p>;
  return (
    <p className="housing-current" data-testid="housing-current">
      <span className="muted">{t('housing.current')}:</span> <strong>{tx(`enum.housing.${p.h.current}`)}</strong> {t('housing.since', { date: isoToDanish(p.h.since) })}
      {p.h.currentNote && <span className="muted"> · {p.h.currentNote}</span>}
    </p>
  );
}

function History(p: { h: HousingHistory; readOnly: boolean; compact?: boolean; onCorrect: (e: HousingEntry) => void; onWithdraw: (e: HousingEntry) => void }) {
  const { t, tx } = useI18n();
  const word = (h: string) => (h ? tx(`enum.housing.${h}`) : t('housing.unknown'));
  if (p.h.entries.length === 0) return <p className="muted">{t('housing.empty')}</p>;
  return (
    <div className="housing-history">
      <h4>{t('housing.history')}</h4>
      <ol className="housing-entries">
        {p.h.entries.map((e) => (
          <li key={e.id} className={e.inForce ? '' : 'housing-void'} data-testid="housing-entry">
            <span className="housing-date">{isoToDanish(e.date)}</span>
            <span className="housing-what">
              <strong className={e.inForce ? '' : 'struck'}>{word(e.housing)}</strong>
              {e.inForce && e.from && e.from !== e.housing && <span className="muted"> {t('housing.from', { housing: word(e.from) })}</span>}
              <span className="housing-kind"> · {e.correctsId ? t('housing.correction') : tx(`housing.kind.${e.kind}`)}</span>
              {e.note && <span className="housing-note" lang="da"> – {e.note}</span>}
              {e.recordedBy && <span className="muted"> · {t('housing.by', { who: e.recordedBy })}</span>}
              {e.correctedBy > 0 && <span className="housing-fate"> {t('housing.corrected')}</span>}
              {e.withdrawn && (
                <span className="housing-fate"> {t('housing.withdrawn', { date: isoToDanish(e.withdrawnAt.slice(0, 10)), who: e.withdrawnBy || '–', reason: e.withdrawnNote })}</span>
              )}
            </span>
            {!p.readOnly && !p.compact && e.correctable && (
              <span className="housing-actions">
                <button type="button" className="link" data-focus-key={`housing-correct-${e.id}`} onClick={() => p.onCorrect(e)} aria-label={`${t('housing.correct')} ${isoToDanish(e.date)}`}>
                  {t('housing.correct')}
                </button>
                <button type="button" className="link" data-focus-key={`housing-withdraw-${e.id}`} onClick={() => p.onWithdraw(e)} aria-label={`${t('housing.takeBack')} ${isoToDanish(e.date)}`}>
                  {t('housing.takeBack')}
                </button>
              </span>
            )}
            {!e.correctable && e.inForce && e.kind === 'start' && !p.compact && <span className="muted housing-hint"> ({t('housing.stepEntry')})</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}

function MoveForm(p: { citizenId: number; entry?: HousingEntry; onDone: (saved: boolean) => void }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const save = useRecordHousing();
  const [form, setForm] = useState({
    date: p.entry?.date ?? todayIso(),
    housing: p.entry?.housing ?? '',
    note: p.entry?.note ?? '',
  });
  const err = save.error ? toAppError(save.error) : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  const title = p.entry ? t('housing.correctTitle', { date: isoToDanish(p.entry.date) }) : t('housing.recordTitle');
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form housing-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!save.isPending) save.mutate({ citizenId: p.citizenId, correctsId: p.entry?.id ?? 0, ...form }, { onSuccess: () => p.onDone(true) });
      }}
    >
      <h4>{title}</h4>
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <div className="row">
        <DateField label={t('housing.date')} help={t('housing.dateHelp')} required value={form.date} onChange={(date) => setForm((f) => ({ ...f, date }))} error={fe('date')} />
        <SelectField
          label={t('housing.housing')}
          required
          value={form.housing}
          onChange={(housing) => setForm((f) => ({ ...f, housing }))}
          options={(vocab.data?.housings ?? []).map((v) => ({ value: v, label: tx(`enum.housing.${v}`) }))}
          error={fe('housing')}
        />
      </div>
      <TextArea label={t('housing.note')} help={t('housing.noteHelp')} value={form.note} onChange={(note) => setForm((f) => ({ ...f, note }))} error={fe('note')} rows={2} />
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={save.isPending}>
          {t('housing.save')}
        </BusyButton>
        <button type="button" onClick={() => p.onDone(false)} disabled={save.isPending}>
          {t('housing.cancel')}
        </button>
      </div>
    </form>
  );
}

function WithdrawForm(p: { citizenId: number; entry: HousingEntry; onDone: (saved: boolean) => void }) {
  const { t, lang } = useI18n();
  const withdraw = useWithdrawHousing();
  const [reason, setReason] = useState('');
  const err = withdraw.error ? toAppError(withdraw.error) : null;
  const title = t('housing.withdrawTitle', { date: isoToDanish(p.entry.date) });
  const ref = useFocusFirstField<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className="form housing-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!withdraw.isPending) withdraw.mutate({ citizenId: p.citizenId, id: p.entry.id, note: reason }, { onSuccess: () => p.onDone(true) });
      }}
    >
      <h4>{title}</h4>
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <TextArea label={t('housing.reason')} required value={reason} onChange={setReason} error={fieldText(lang, err?.field('note'))} rows={2} />
      <div className="form-actions">
        <BusyButton type="submit" className="fu-danger" busy={withdraw.isPending}>
          {t('housing.withdraw')}
        </BusyButton>
        <button type="button" onClick={() => p.onDone(false)} disabled={withdraw.isPending}>
          {t('housing.cancel')}
        </button>
      </div>
    </form>
  );
}
