import { useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useMutation } from '@tanstack/react-query';
import type { Note, NoteInput } from '../../api/steps';
import { stepsApi } from '../../api/steps';
import { stepKeys } from '../../api/stepQueries';
import { keys, useVocabulary } from '../../api/queries';
import type { AppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { DateField, SelectField, TextArea, TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish, todayIso } from '../../lib/dates';
import { registerDirty } from '../../lib/unsaved';
import { BusyButton } from '../../components/BusyButton';
import { useFocusFirstInvalid } from '../../components/focus';

const pad = (n: number) => String(n).padStart(2, '0');

function nowClock(): string {
  const d = new Date();
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Reads "9.30", "9:30" or "0930" as "09:30"; null when it is not a time of day. */
export function parseClock(text: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${pad(h)}:${pad(min)}`;
}

/**
 * Writes or corrects a journal note: when, how long, where, what kind, and the text. A
 * correction may say why; it is saved as a new version beside the earlier ones. The first
 * field takes the focus when the form opens; onDone says whether the note was saved.
 */
export function NoteForm(p: { courseId: number; note?: Note; onDone: (saved: boolean) => void }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const qc = useQueryClient();
  const n = p.note;
  const [date, setDate] = useState(n ? n.occurredAt.slice(0, 10) : todayIso());
  const [clock, setClock] = useState(n ? n.occurredAt.slice(11, 16) : nowClock());
  const [f, setF] = useState({ duration: n ? String(n.durationMinutes) : '30', location: n?.location ?? 'home', kind: n?.kind ?? 'visit', text: n?.text ?? '', reason: '' });
  const [clockError, setClockError] = useState(false);
  // Closing the window with a half-written note asks first.
  const typed = useRef(false);
  typed.current = f.text.trim() !== (n?.text ?? '').trim();
  useEffect(() => registerDirty(() => typed.current), []);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus(), []);
  const save = useMutation<Note, AppError, NoteInput>({
    mutationFn: stepsApi.saveNote,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: stepKeys.notes(p.courseId) });
      void qc.invalidateQueries({ queryKey: keys.course(p.courseId) });
      void qc.invalidateQueries({ queryKey: ['noteSearch'] });
      void qc.invalidateQueries({ queryKey: ['noteRevisions'] });
      void qc.invalidateQueries({ queryKey: ['followUp', p.courseId] });
      p.onDone(true);
    },
  });
  // A refused save (or a clock that is no time) puts the focus on the first wrong field.
  const [clockFailed, setClockFailed] = useState(0);
  useFocusFirstInvalid(form, save.error);
  useFocusFirstInvalid(form, clockFailed || null);
  const fe = (name: string) => fieldText(lang, save.error?.field(name));
  const opts = (list: string[] | undefined, group: string) => (list ?? []).map((v) => ({ value: v, label: tx(`enum.${group}.${v}`) }));
  return (
    <form
      ref={form}
      className="card-inner form note-form"
      aria-label={n ? noteEditLabel(t, n) : t('notes.new')}
      onSubmit={(e) => {
        e.preventDefault();
        const c = parseClock(clock);
        setClockError(!c);
        if (!c) {
          setClockFailed((x) => x + 1);
          return;
        }
        const duration = Number(f.duration.trim() === '' ? '0' : f.duration);
        save.mutate({
          id: n?.id ?? 0,
          courseId: p.courseId,
          occurredAt: `${date}T${c}`,
          durationMinutes: Number.isInteger(duration) ? duration : -1,
          location: f.location,
          kind: f.kind,
          text: f.text,
          reason: n ? f.reason : '',
        });
      }}
    >
      <ErrorBanner error={save.error && !save.error.fields.length ? save.error : null} />
      <div className="row">
        <DateField label={t('notes.occurredDate')} required value={date} onChange={setDate} error={fe('occurredAt')} />
        <TextField label={t('notes.occurredTime')} required value={clock} onChange={setClock} error={clockError ? t('notes.invalidTime') : undefined} inputMode="decimal" />
        <TextField label={t('notes.duration')} value={f.duration} onChange={(duration) => setF({ ...f, duration })} error={fe('durationMinutes')} inputMode="decimal" />
      </div>
      <div className="row">
        <SelectField label={t('notes.location')} allowEmpty={false} value={f.location} onChange={(location) => setF({ ...f, location })} options={opts(vocab.data?.noteLocations, 'noteLocation')} error={fe('location')} />
        <SelectField label={t('notes.kind')} allowEmpty={false} value={f.kind} onChange={(kind) => setF({ ...f, kind })} options={opts(vocab.data?.noteKinds, 'noteKind')} error={fe('kind')} />
      </div>
      <TextArea label={t('notes.text')} required value={f.text} onChange={(text) => setF({ ...f, text })} error={fe('text')} rows={5} />
      {n && (
        <TextField label={t('notes.reason')} help={t('notes.reasonHelp')} value={f.reason} onChange={(reason) => setF({ ...f, reason })} error={fe('reason')} maxLength={200} />
      )}
      <div className="form-actions">
        <BusyButton className="primary" type="submit" busy={save.isPending}>
          {t('notes.save')}
        </BusyButton>
        <button type="button" onClick={() => p.onDone(false)}>
          {t('notes.cancel')}
        </button>
      </div>
    </form>
  );
}

/** "Ret notat fra 01.03.2026 kl. 10:30": a name that tells the list's buttons apart. */
export function noteEditLabel(t: ReturnType<typeof useI18n>['t'], n: Note): string {
  return t('notes.editLabel', { date: isoToDanish(n.occurredAt.slice(0, 10)), time: n.occurredAt.slice(11, 16) });
}
