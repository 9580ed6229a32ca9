import { useRef, useState } from 'react';
import { BusyButton } from '../../components/BusyButton';
import { useFocusFirstInvalid } from '../../components/focus';
import { Modal } from '../../components/Modal';
import type { Account } from '../../api/auth';
import { useSaveAccount, useUnlockAccount } from '../../api/authQueries';
import { fieldText } from '../../components/errorText';
import { TextField } from '../../components/form';
import { Badge, ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { MIN_PASSWORD, NewPasswordFields } from './PasswordFields';

type Dialog = { kind: 'create' | 'reset' | 'unlock'; account: Account } | null;

/** A worker's sign-in as the team lead sees it: status, and what can be done about it. */
export function AccountCell(p: { account: Account | undefined }) {
  const { t } = useI18n();
  const [dialog, setDialog] = useState<Dialog>(null);
  const a = p.account;
  if (!a) return null;
  return (
    <div className="account-cell" data-testid="account-cell">
      <AccountState account={a} />
      <div className="account-actions" role="group" aria-label={t('auth.accountActionsFor', { name: a.name })}>
        {!a.hasAccount ? (
          <button type="button" className="small-button" onClick={() => setDialog({ kind: 'create', account: a })}>
            {t('auth.createAccount')}
          </button>
        ) : (
          <button type="button" className="small-button" onClick={() => setDialog({ kind: 'reset', account: a })}>
            {t('auth.resetPassword')}
          </button>
        )}
        {a.lockedUntil && (
          <button type="button" className="small-button" onClick={() => setDialog({ kind: 'unlock', account: a })}>
            {t('auth.unlockAccount')}
          </button>
        )}
      </div>
      {dialog && (dialog.kind === 'unlock' ? <UnlockDialog account={dialog.account} onClose={() => setDialog(null)} /> : <PasswordDialog kind={dialog.kind} account={dialog.account} onClose={() => setDialog(null)} />)}
    </div>
  );
}

export function AccountState(p: { account: Account }) {
  const { t } = useI18n();
  const a = p.account;
  if (!a.hasAccount) return <span className="muted">{t('auth.noAccount')}</span>;
  return (
    <>
      <span>
        <span className="mono">{a.username}</span>{' '}
        {a.lockedUntil ? (
          <Badge tone="over">{t('auth.lockedUntil', { until: a.lockedUntil })}</Badge>
        ) : a.mustChange ? (
          <Badge tone="warn">{t('auth.mustChange')}</Badge>
        ) : (
          <Badge tone="ok">{t('auth.activeAccount')}</Badge>
        )}
      </span>
      <span className="small">{a.lastSignIn ? t('auth.lastSignIn', { at: a.lastSignIn }) : t('auth.neverSignedIn')}</span>
    </>
  );
}

/** A username and a temporary password, which the worker must change at the next sign-in. */
function PasswordDialog(p: { kind: 'create' | 'reset'; account: Account; onClose: () => void }) {
  const { t, lang } = useI18n();
  const save = useSaveAccount();
  const a = p.account;
  const [f, setF] = useState({ username: a.username || suggestUsername(a.name), password: '', repeat: '' });
  const [tried, setTried] = useState(false);
  const fe = (name: string) => fieldText(lang, save.error?.field(name));
  const title = p.kind === 'create' ? t('auth.createAccountTitle', { name: a.name }) : t('auth.resetPasswordTitle', { name: a.name });
  const done = useRef<HTMLParagraphElement>(null);
  // A refused account (a username in use, a weak password) focuses the wrong field.
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, save.error);
  return (
    <Modal title={title} onClose={p.onClose} focusKey={save.isSuccess ? 'done' : 'form'} initial={done}>
      {save.isSuccess ? (
        <>
          <p ref={done} tabIndex={-1} className="tone-ok" data-status-line>
            {t('auth.accountSaved', { name: a.name })}
          </p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={p.onClose}>
              {t('common.close')}
            </button>
          </div>
        </>
      ) : (
        <form
          ref={formRef}
          className="form"
          autoComplete="off"
          aria-label={title}
          onSubmit={(e) => {
            e.preventDefault();
            setTried(true);
            if (f.password !== f.repeat) return;
            save.mutate({ workerId: a.workerId, username: f.username, password: f.password });
          }}
        >
          <ErrorBanner error={save.error && !save.error.fields.length ? save.error : null} />
          <TextField label={t('auth.username')} required value={f.username} onChange={(username) => setF({ ...f, username })} error={fe('username')} maxLength={40} />
          <NewPasswordFields
            label={t('auth.firstPassword')}
            value={f.password}
            repeat={f.repeat}
            onChange={(password) => setF({ ...f, password })}
            onRepeat={(repeat) => setF({ ...f, repeat })}
            error={fe('password')}
            mismatch={tried && f.password !== f.repeat}
            help={t('auth.firstPasswordHelp', { min: MIN_PASSWORD, name: a.name })}
          />
          <div className="form-actions">
            <BusyButton type="submit" className="primary" busy={save.isPending}>
              {p.kind === 'create' ? t('auth.createAccount') : t('auth.resetPassword')}
            </BusyButton>
            <button type="button" onClick={p.onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}

function UnlockDialog(p: { account: Account; onClose: () => void }) {
  const { t } = useI18n();
  const unlock = useUnlockAccount();
  const a = p.account;
  const done = useRef<HTMLParagraphElement>(null);
  return (
    <Modal title={t('auth.unlockAccountTitle', { name: a.name })} onClose={p.onClose} focusKey={unlock.isSuccess ? 'done' : 'ask'} initial={done}>
      {unlock.isSuccess ? (
        <p ref={done} tabIndex={-1} className="tone-ok" data-status-line>
          {t('auth.unlocked')}
        </p>
      ) : (
        <p>{t('auth.unlockIntro', { name: a.name, until: a.lockedUntil })}</p>
      )}
      <ErrorBanner error={unlock.error} />
      <div className="form-actions">
        {!unlock.isSuccess && (
          <BusyButton className="primary" busy={unlock.isPending} onClick={() => unlock.mutate(a.workerId)}>
            {t('auth.unlockAccount')}
          </BusyButton>
        )}
        <button type="button" onClick={p.onClose}>
          {unlock.isSuccess ? t('common.close') : t('common.cancel')}
        </button>
      </div>
    </Modal>
  );
}

/** A first suggestion for a username: the first name in lower case, letters only. */
export function suggestUsername(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? '';
  return first
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]/gu, '');
}
