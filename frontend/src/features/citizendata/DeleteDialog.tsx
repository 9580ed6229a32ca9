import { useRef, useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import type { Citizen } from '../../api/client';
import { toAppError } from '../../api/errors';
import { fieldText } from '../../components/errorText';
import { TextField } from '../../components/form';
import { ErrorBanner, FocusFirstInvalid, Loading } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { isoToDanish } from '../../lib/dates';
import { navigate } from '../../lib/router';
import { Modal } from '../../components/Modal';
import './citizendata.css';
import { useDeleteCitizen, useDeletionPreview } from './queries';

/** Folds a name the way the backend compares the confirmation: case, spaces and Unicode form. */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('da').trim().split(/\s+/).join(' ');
  return typed.trim() !== '' && norm(typed) === norm(name);
}

/**
 * What deleting the citizen's data removes, that the audit log stays, and the confirmation by
 * typing the citizen's name. Refused (and said so) while a course is not closed.
 */
export function DeleteDialog(p: { citizen: Citizen; onClose: () => void }) {
  const { t, tx, lang } = useI18n();
  const preview = useDeletionPreview(p.citizen.id);
  const del = useDeleteCitizen();
  const [typed, setTyped] = useState('');
  const done = del.data;
  const doneRef = useRef<HTMLParagraphElement>(null);
  if (done) {
    return (
      <Modal title={t('citizenData.deleteTitle')} onClose={() => navigate({ name: 'citizens' })} focusKey="done" initial={doneRef}>
        <p ref={doneRef} tabIndex={-1} className="banner banner-info" data-status-line>
          {t('citizenData.deleted', { n: done.auditEntriesKept })}
        </p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={() => navigate({ name: 'citizens' })}>
            {t('citizenData.close')}
          </button>
        </div>
      </Modal>
    );
  }
  const d = preview.data;
  return (
    <Modal title={t('citizenData.deleteTitle')} onClose={p.onClose} busy={del.isPending} focusKey={d ? 'form' : 'loading'}>
      <p>{t('citizenData.deleteIntro')}</p>
      {preview.isPending && <Loading />}
      <ErrorBanner error={preview.error ? toAppError(preview.error) : null} />
      {d && (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            if (d.allowed && sameName(typed, d.name)) del.mutate({ citizenId: d.citizenId, confirmName: typed });
          }}
        >
          {!d.allowed && <p className="banner banner-warn">{t('citizenData.deleteOpen', { n: d.openCourses })}</p>}
          {d.lastEndDate && <p className="muted">{t('citizenData.deleteLastEnd', { date: isoToDanish(d.lastEndDate) })}</p>}
          <table className="table cd-table">
            <caption className="sr-only">{t('citizenData.deleteWhat')}</caption>
            <thead>
              <tr>
                <th>{t('citizenData.deleteKind')}</th>
                <th className="num">{t('citizenData.deleteRows')}</th>
              </tr>
            </thead>
            <tbody>
              {d.counts
                .filter((c) => c.rows > 0)
                .map((c) => (
                  <tr key={c.kind}>
                    <td>{tx(`citizenData.kinds.${c.kind}`)}</td>
                    <td className="num">{c.rows}</td>
                  </tr>
                ))}
            </tbody>
          </table>
          <p className="banner banner-info">{t('citizenData.deleteKept', { n: d.auditEntries })}</p>
          <ErrorBanner error={del.error && !del.error.fields.length ? del.error : null} />
          <FocusFirstInvalid failure={del.error} />
          {d.allowed && (
            <TextField
              label={t('citizenData.deleteTypeName', { name: d.name })}
              value={typed}
              onChange={setTyped}
              required
              error={fieldText(lang, del.error?.field('confirmName'))}
            />
          )}
          <div className="form-actions">
            <BusyButton type="submit" className="cd-danger" busy={del.isPending} disabled={!d.allowed || !sameName(typed, d.name)}>
              {del.isPending ? t('citizenData.deleteWorking') : t('citizenData.deleteConfirm')}
            </BusyButton>
            <button type="button" onClick={p.onClose} disabled={del.isPending}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
