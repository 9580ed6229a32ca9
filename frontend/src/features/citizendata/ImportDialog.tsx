import { useRef, useState, type RefObject } from 'react';
import { BusyButton } from '../../components/BusyButton';
import type { ImportConflict, ImportCourse, ImportCourseChoice, ImportPreview } from '../../api/citizenData';
import type { Worker } from '../../api/client';
import { useWorkers } from '../../api/queries';
import { SelectField, TextArea, TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { navigate } from '../../lib/router';
import { Modal } from '../../components/Modal';
import { useActingLead } from '../auth/session';
import './citizendata.css';
import { useChooseHandoverFile, useConfirmImport, usePreviewImport } from './queries';

const countKeys = ['notes', 'assessment', 'goals', 'subGoals', 'activities', 'contacts', 'meetings', 'advocacy', 'evaluations',
  'who5', 'weeklyChecks', 'planVersions'] as const;

/** A conflict in words; dates in its parameters read dd.mm.åååå. */
function ConflictText(p: { c: ImportConflict }) {
  const { tx } = useI18n();
  const params = { ...p.c.params };
  if (params.start) params.start = isoToDanish(params.start);
  return <>{tx(`citizenData.conflicts.${p.c.kind}`, params)}</>;
}

/**
 * Import of a handover file: choose the file and type the passphrase, then see what would be
 * added and what conflicts with the data here, choose who takes each course, and only then
 * add it. Nothing is written before "Læg ind".
 */
export function ImportDialog(p: { onClose: () => void }) {
  const { t } = useI18n();
  const choose = useChooseHandoverFile();
  const open = usePreviewImport();
  const confirm = useConfirmImport();
  const [pass, setPass] = useState('');
  const [choices, setChoices] = useState<ImportCourseChoice[]>([]);
  const file = choose.data && !choose.data.cancelled ? choose.data : null;
  const preview = open.data;
  const busy = choose.isPending || open.isPending || confirm.isPending;
  // The stage's first words take the focus when the stage changes, so they are read first.
  const previewStart = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  // The file is chosen before the passphrase is typed: the file stage starts on "Vælg fil",
  // not on the dialog's first field.
  const chooseRef = useRef<HTMLButtonElement>(null);

  const start = (pv: ImportPreview) =>
    setChoices(pv.courses.map((c) => ({ index: c.index, workerId: c.suggestedWorkerId, overrideReason: '' })));
  const setChoice = (i: number, change: Partial<ImportCourseChoice>) =>
    setChoices((cs) => cs.map((c) => (c.index === i ? { ...c, ...change } : c)));

  if (confirm.data) {
    const id = confirm.data.citizenId;
    return (
      <Modal wide title={t('citizenData.importTitle')} onClose={p.onClose} focusKey="done" initial={doneRef}>
        <p ref={doneRef} tabIndex={-1} className="banner banner-info" data-status-line>
          {t('citizenData.imported')}
        </p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => navigate({ name: 'citizen', id })}>
            {t('citizenData.toCitizen')}
          </button>
          <button type="button" onClick={p.onClose}>
            {t('citizenData.close')}
          </button>
        </div>
      </Modal>
    );
  }
  return (
    <Modal wide title={t('citizenData.importTitle')} onClose={p.onClose} busy={busy} focusKey={preview ? 'preview' : 'file'} initial={preview ? previewStart : chooseRef}>
      {!preview ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (file && pass) open.mutate({ path: file.path, passphrase: pass }, { onSuccess: start });
          }}
        >
          <p>{t('citizenData.importIntro')}</p>
          <div className="cd-actions">
            <BusyButton ref={chooseRef} onClick={() => choose.mutate()} busy={busy}>
              {t('citizenData.chooseFile')}
            </BusyButton>
            <span className="cd-path" aria-live="polite">
              {file ? t('citizenData.fileChosen', { name: file.name }) : t('citizenData.noFile')}
            </span>
          </div>
          <ErrorBanner error={choose.error ?? open.error} />
          <TextField label={t('citizenData.passphrase')} type="password" required value={pass} onChange={setPass} />
          <div className="form-actions">
            <BusyButton type="submit" className="primary" busy={busy} disabled={!file || !pass}>
              {open.isPending ? t('citizenData.opening') : t('citizenData.openFile')}
            </BusyButton>
            <button type="button" onClick={p.onClose} disabled={busy}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <ImportPreviewForm startRef={previewStart} preview={preview} choices={choices} setChoice={setChoice} busy={busy}
          error={confirm.error} onCancel={p.onClose}
          onConfirm={() => confirm.mutate({ token: preview.token, courses: choices })} />
      )}
    </Modal>
  );
}

function ImportPreviewForm(p: {
  startRef: RefObject<HTMLParagraphElement | null>;
  preview: ImportPreview;
  choices: ImportCourseChoice[];
  setChoice: (i: number, c: Partial<ImportCourseChoice>) => void;
  busy: boolean;
  error: ReturnType<typeof useConfirmImport>['error'];
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useI18n();
  const workers = useWorkers();
  const pv = p.preview;
  const general = pv.conflicts.filter((c) => c.courseIndex < 0);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!pv.blocked) p.onConfirm();
      }}
    >
      <p ref={p.startRef} tabIndex={-1} className="muted">{t('citizenData.previewFrom', { source: pv.source, date: isoToDanish(pv.exportedAt) })}</p>
      <h3>{t('citizenData.previewCitizen')}</h3>
      <p>
        <strong>{pv.citizen.name}</strong> {pv.citizen.cprMasked && <span className="mono">{pv.citizen.cprMasked}</span>}
        <br />
        {pv.citizen.existingId ? t('citizenData.previewExisting', { name: pv.citizen.existingName }) : t('citizenData.previewNew')}
      </p>
      {general.length > 0 && (
        <ul className="cd-conflicts">
          {general.map((c, i) => (
            <li key={i} className={c.blocking ? 'tone-bad' : ''}>
              <ConflictText c={c} />
            </li>
          ))}
        </ul>
      )}
      {pv.courses.map((c) => (
        <CourseChoice key={c.index} course={c} choice={p.choices.find((x) => x.index === c.index)} workers={workers.data ?? []}
          conflicts={pv.conflicts.filter((x) => x.courseIndex === c.index)} setChoice={(ch) => p.setChoice(c.index, ch)} />
      ))}
      <ErrorBanner error={p.error} />
      <p className={pv.blocked ? 'banner banner-warn' : 'muted'}>{pv.blocked ? t('citizenData.blocked') : t('citizenData.nothingYet')}</p>
      <div className="form-actions">
        <BusyButton type="submit" className="primary" busy={p.busy} disabled={pv.blocked}>
          {p.busy ? t('citizenData.importing') : t('citizenData.confirmImport')}
        </BusyButton>
        <button type="button" onClick={p.onCancel} disabled={p.busy}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

function CourseChoice(p: {
  course: ImportCourse;
  choice: ImportCourseChoice | undefined;
  workers: Worker[];
  conflicts: ImportConflict[];
  setChoice: (c: Partial<ImportCourseChoice>) => void;
}) {
  const { t, tx } = useI18n();
  const lead = useActingLead();
  const c = p.course;
  const active = p.workers.filter((w) => w.active);
  const chosen = active.find((w) => w.id === p.choice?.workerId);
  const full = !!chosen && c.status !== 'closed' && chosen.openCourses + 1 > chosen.maxCaseload;
  return (
    <div className="cd-course">
      <h3>
        {t('citizenData.previewCourse', { start: isoToDanish(c.startDate), end: c.endDate ? isoToDanish(c.endDate) : t('citizenData.ongoing') })}{' '}
        <span className="muted">({tx(`enum.status.${c.status}`)})</span>
      </h3>
      <div className="cd-counts small">
        {countKeys
          .filter((k) => c.counts[k] > 0)
          .map((k) => (
            <div key={k}>
              <span>{t(`citizenData.counts.${k}`)}</span>
              <strong>{c.counts[k]}</strong>
            </div>
          ))}
      </div>
      <p className="small">{t('citizenData.workerInFile', { name: `${c.workerName} (${c.workerInitials})` })}</p>
      {p.conflicts.length > 0 && (
        <ul className="cd-conflicts">
          {p.conflicts.map((x, i) => (
            <li key={i}>
              <ConflictText c={x} />
            </li>
          ))}
        </ul>
      )}
      <SelectField
        label={t('citizenData.workerHere')}
        required
        value={p.choice?.workerId ? String(p.choice.workerId) : ''}
        options={active.map((w) => ({ value: String(w.id), label: t('course.workerOption', { name: `${w.name} (${w.initials})`, open: w.openCourses, max: w.maxCaseload }) }))}
        onChange={(v) => p.setChoice({ workerId: Number(v) })}
      />
      {full &&
        (lead === null ? (
          <p className="banner banner-warn">{t('citizenData.overrideLeadOnly')}</p>
        ) : (
          <TextArea
            label={t('citizenData.overrideReason')}
            help={lead ? t('citizenData.overrideByYou', { name: lead }) : undefined}
            value={p.choice?.overrideReason ?? ''}
            onChange={(v) => p.setChoice({ overrideReason: v })}
          />
        ))}
    </div>
  );
}
