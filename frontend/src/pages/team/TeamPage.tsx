import { useState } from 'react';
import type { Worker, WorkerInput } from '../../api/client';
import { toAppError } from '../../api/errors';
import { useSaveWorker, useTeam, useUpdateTeam, useVocabulary, useWorkers } from '../../api/queries';
import { BusyButton } from '../../components/BusyButton';
import { fieldText } from '../../components/errorText';
import { StatusLine, useFocusReturn, useStatusLine } from '../../components/focus';
import { SelectField, TextField } from '../../components/form';
import { Badge, ErrorBanner, FocusFirstInvalid, Loading, PageHeader, TableScroll } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { formatFraction, parseFraction } from '../../lib/dates';
import { useAccounts } from '../../api/authQueries';
import { AccountCell } from '../../features/auth/Accounts';
import { useIsLead, useSession } from '../../features/auth/session';
import { CoverSection } from '../../features/cover/CoverSection';

/**
 * The team's name and its workers with role, FTE and caseload ceiling; for the team lead also
 * each worker's sign-in. ICM workers see the team but change nothing.
 */
export function TeamPage() {
  const { t, tx, lang } = useI18n();
  const workers = useWorkers();
  const isLead = useIsLead();
  const accounts = useAccounts(isLead);
  const [editing, setEditing] = useState<WorkerInput | null>(null);
  const status = useStatusLine();
  const focusReturn = useFocusReturn();
  if (workers.isPending) return <Loading />;
  if (workers.error) return <ErrorBanner error={toAppError(workers.error)} />;
  const open = (w: WorkerInput) => {
    status.clear();
    setEditing(w);
  };
  const startEdit = (w: Worker) => open({ id: w.id, name: w.name, initials: w.initials, role: w.role, fte: w.fte, active: w.active });
  // After a save the status line says so and takes the focus; after a cancel the button
  // that opened the form gets it back.
  const done = (saved?: Worker) => {
    const id = editing?.id ?? 0;
    setEditing(null);
    if (saved) status.say(t('team.workerSaved', { name: saved.name }));
    else focusReturn(id ? `worker-${id}` : 'worker-add');
  };
  return (
    <>
      <PageHeader
        title={t('team.title')}
        actions={
          isLead && (
            <button type="button" className="primary" data-focus-key="worker-add" onClick={() => open({ id: 0, name: '', initials: '', role: 'icm_worker', fte: 1, active: true })}>
              {t('team.addWorker')}
            </button>
          )
        }
      />
      {isLead && <TeamForm />}
      {editing && <WorkerForm key={editing.id} initial={editing} onDone={done} />}
      {isLead && <StatusLine status={status} />}
      <section className="card">
        <h2>{t('team.workers')}</h2>
        <ErrorBanner error={accounts.error ? toAppError(accounts.error) : null} />
        <TableScroll label={t('team.workers')}><table className="table">
          <thead>
            <tr>
              <th>{t('team.name')}</th>
              <th>{t('team.initials')}</th>
              <th>{t('team.role')}</th>
              <th>{t('team.fte')}</th>
              <th>{t('team.openCourses')}</th>
              <th>{t('team.maxCaseload')}</th>
              {isLead && <th>{t('auth.accessColumn')}</th>}
              {isLead && (
                <th>
                  <span className="sr-only">{t('common.actionsColumn')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {workers.data.map((w) => (
              <tr key={w.id} className={w.active ? '' : 'inactive'}>
                <td>
                  {w.name} {!w.active && <Badge>{t('team.inactive')}</Badge>}
                </td>
                <td>{w.initials}</td>
                <td>{tx(`enum.role.${w.role}`)}</td>
                <td>{formatFraction(w.fte, lang)}</td>
                <td>{w.openCourses}</td>
                <td>{w.maxCaseload}</td>
                {isLead && (
                  <td>
                    <AccountCell account={accounts.data?.find((a) => a.workerId === w.id)} />
                  </td>
                )}
                {isLead && (
                  <td>
                    <button type="button" className="link" data-focus-key={`worker-${w.id}`} onClick={() => startEdit(w)} aria-label={`${t('common.edit')} ${w.name}`}>
                      {t('common.edit')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table></TableScroll>
      </section>
      <CoverSection isLead={isLead} />
    </>
  );
}

function TeamForm() {
  const { t, lang } = useI18n();
  const team = useTeam();
  const update = useUpdateTeam();
  const [form, setForm] = useState<{ municipality: string; teamName: string } | null>(null);
  const status = useStatusLine();
  if (!team.data) return null;
  const f = form ?? { municipality: team.data.municipality, teamName: team.data.name };
  const err = update.error ? toAppError(update.error) : null;
  return (
    <form
      className="card form"
      onSubmit={(e) => {
        e.preventDefault();
        if (form === null || update.isPending) return;
        update.mutate(f, {
          onSuccess: () => {
            setForm(null);
            status.say(t('team.teamSaved'));
          },
        });
      }}
    >
      <h2>{t('team.teamSection')}</h2>
      <div className="row">
        <TextField label={t('team.municipality')} required value={f.municipality} onChange={(municipality) => { status.clear(); setForm({ ...f, municipality }); }} error={fieldText(lang, err?.field('municipality'))} />
        <TextField label={t('team.teamName')} required value={f.teamName} onChange={(teamName) => { status.clear(); setForm({ ...f, teamName }); }} error={fieldText(lang, err?.field('teamName'))} />
      </div>
      <div className="form-actions">
        <BusyButton type="submit" busy={update.isPending} disabled={form === null}>
          {t('team.saveTeam')}
        </BusyButton>
      </div>
      <StatusLine status={status} />
    </form>
  );
}

function WorkerForm(p: { initial: WorkerInput; onDone: (saved?: Worker) => void }) {
  const { t, tx, lang } = useI18n();
  const vocab = useVocabulary();
  const save = useSaveWorker();
  const session = useSession();
  const [form, setForm] = useState({ ...p.initial, fteText: formatFraction(p.initial.fte, lang) });
  const err = save.error ? toAppError(save.error) : null;
  const fe = (name: string) => fieldText(lang, err?.field(name));
  return (
    <form
      className="card form"
      aria-label={p.initial.id ? t('team.editWorker') : t('team.newWorker')}
      onSubmit={(e) => {
        e.preventDefault();
        const { fteText, ...rest } = form;
        save.mutate(
          { ...rest, fte: parseFraction(fteText) || 0 },
          {
            onSuccess: (w) => {
              // A lead who changed their own role or stepped down has other rights now.
              if (session && w.id === session.user?.workerId) void session.refresh();
              p.onDone(w);
            },
          },
        );
      }}
    >
      <h2>{p.initial.id ? t('team.editWorker') : t('team.newWorker')}</h2>
      <ErrorBanner error={err && !err.fields.length ? err : null} />
      <FocusFirstInvalid failure={err} />
      <div className="row">
        <TextField label={t('team.name')} required value={form.name} onChange={(name) => setForm({ ...form, name })} error={fe('name')} autoFocus />
        <TextField label={t('team.initials')} required value={form.initials} onChange={(initials) => setForm({ ...form, initials })} error={fe('initials')} maxLength={6} />
      </div>
      <div className="row">
        <SelectField
          label={t('team.role')}
          allowEmpty={false}
          value={form.role}
          onChange={(role) => setForm({ ...form, role })}
          options={(vocab.data?.roles ?? []).map((r) => ({ value: r, label: tx(`enum.role.${r}`) }))}
          error={fe('role')}
        />
        <TextField label={t('team.fte')} required value={form.fteText} onChange={(fteText) => setForm({ ...form, fteText })} error={fe('fte')} help={t('team.fteHelp')} inputMode="decimal" />
      </div>
      <label className="choice">
        <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} /> {t('team.active')}
      </label>
      <div className="form-actions">
        <BusyButton className="primary" type="submit" busy={save.isPending}>
          {t('common.save')}
        </BusyButton>
        <button type="button" onClick={() => p.onDone()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
