import { useRef, useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import type { Citizen } from '../../api/client';
import { SelectField, TextField } from '../../components/form';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { Modal } from '../../components/Modal';
import './citizendata.css';
import { useExportHandover } from './queries';

/** The shortest passphrase the backend accepts (crypt.MinPassphrase); it says so itself too. */
export const MIN_PASSPHRASE = 12;

/** Which course (or all), the passphrase typed twice, then the save dialog. */
export function HandoverDialog(p: { citizen: Citizen; onClose: () => void }) {
  const { t, tx } = useI18n();
  const courses = p.citizen.courses;
  const open = courses.find((c) => c.status !== 'closed');
  const [course, setCourse] = useState(String(open?.id ?? 0));
  const [pass, setPass] = useState('');
  const [repeat, setRepeat] = useState('');
  const save = useExportHandover();
  const mismatch = repeat !== '' && repeat !== pass;
  const done = save.data;
  const doneRef = useRef<HTMLParagraphElement>(null);
  const options = [
    { value: '0', label: t('citizenData.handoverAll', { n: courses.length }) },
    ...courses.map((c) => ({
      value: String(c.id),
      label: t('citizenData.handoverCourse', {
        start: isoToDanish(c.startDate),
        end: c.endDate ? isoToDanish(c.endDate) : t('citizenData.ongoing'),
        status: tx(`enum.status.${c.status}`),
      }),
    })),
  ];
  return (
    <Modal title={t('citizenData.handoverTitle')} onClose={p.onClose} busy={save.isPending} focusKey={done && !done.cancelled ? 'done' : 'form'} initial={doneRef}>
      {done && !done.cancelled ? (
        <>
          <p ref={doneRef} tabIndex={-1} className="banner banner-info cd-path" data-status-line>
            {t('citizenData.handoverSaved', { path: done.path, n: done.courses })}
          </p>
          <p className="banner banner-warn">{t('citizenData.handoverWarning')}</p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={p.onClose}>
              {t('citizenData.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (pass !== '' && pass === repeat) save.mutate({ citizenId: p.citizen.id, courseId: Number(course), passphrase: pass });
          }}
        >
          <p>{t('citizenData.handoverIntro')}</p>
          {done?.cancelled && <p className="muted">{t('citizenData.cancelled')}</p>}
          <ErrorBanner error={save.error} />
          <SelectField label={t('citizenData.handoverWhat')} value={course} options={options} onChange={setCourse} allowEmpty={false} />
          <div className="row">
            <TextField
              label={t('citizenData.passphrase')}
              type="password"
              required
              value={pass}
              onChange={setPass}
              help={t('citizenData.passphraseHelp', { min: MIN_PASSPHRASE })}
            />
            <TextField
              label={t('citizenData.repeatPassphrase')}
              type="password"
              required
              value={repeat}
              onChange={setRepeat}
              error={mismatch ? t('citizenData.passphrasesDiffer') : undefined}
            />
          </div>
          <p className="banner banner-warn">{t('citizenData.handoverWarning')}</p>
          <div className="form-actions">
            <BusyButton type="submit" className="primary" busy={save.isPending} disabled={pass === '' || pass !== repeat}>
              {save.isPending ? t('citizenData.handoverWorking') : t('citizenData.handoverSave')}
            </BusyButton>
            <button type="button" onClick={p.onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
