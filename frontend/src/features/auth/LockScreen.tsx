import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { authApi, type AuthStatus } from '../../api/auth';
import { toAppError, type AppError } from '../../api/errors';
import { pageCoverAttr, pageUncoveredEvent } from '../../components/dialogFocus';
import { ErrorBanner } from '../../components/ui';
import { useI18n } from '../../i18n/i18n';
import { useSession } from './session';
import './auth.css';

/**
 * Makes everything on the page but `layer` unreadable and unreachable while mounted: inert
 * (no focus, no clicks), hidden from screen readers and not painted. That holds also for what
 * mounts on the page while it is covered (a dialog's next stage, a dialog a late answer opens),
 * and a dialog outside the layer leaves the focus alone meanwhile (see pageCoverAttr). Returns
 * the undo, which puts the focus back where it was and then tells such dialogs to take it.
 */
export function coverPage(layer: HTMLElement): () => void {
  const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const covered: HTMLElement[] = [];
  // The attribute, not only the property, so that [inert] selectors see it in every engine.
  const cover = (el: Node) => {
    if (el === layer || !(el instanceof HTMLElement) || el.hasAttribute('inert')) return;
    el.setAttribute('inert', '');
    el.setAttribute('aria-hidden', 'true');
    el.classList.add('under-lock');
    covered.push(el);
  };
  layer.setAttribute(pageCoverAttr, '');
  [...document.body.children].forEach(cover);
  const watch = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(cover)));
  watch.observe(document.body, { childList: true });
  return () => {
    watch.disconnect();
    layer.removeAttribute(pageCoverAttr);
    for (const el of covered) {
      el.removeAttribute('inert');
      el.removeAttribute('aria-hidden');
      el.classList.remove('under-lock');
    }
    if (before?.isConnected) before.focus({ preventScroll: true });
    document.dispatchEvent(new Event(pageUncoveredEvent));
  };
}

/**
 * The lock screen: an opaque layer over the app, which stays mounted underneath with all
 * its state. The same worker's password opens it again; someone else signs out first.
 */
export function LockScreen(p: { status: AuthStatus; onUnlocked: (s: AuthStatus) => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const layer = useMemo(() => {
    const el = document.createElement('div');
    el.className = 'lock-layer';
    return el;
  }, []);

  useLayoutEffect(() => {
    const uncover = coverPage(layer);
    document.body.appendChild(layer);
    input.current?.focus();
    return () => {
      layer.remove();
      uncover();
    };
  }, [layer]);

  const unlock = async () => {
    setBusy(true);
    setError(null);
    try {
      p.onUnlocked(await authApi.unlock(password));
    } catch (e) {
      setError(toAppError(e));
      setPassword('');
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  };

  return createPortal(
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title">
      <form
        className="card form auth-card"
        autoComplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <svg className="lock-icon" viewBox="0 0 24 24" width="40" height="40" aria-hidden="true">
          <rect x="4.5" y="10.5" width="15" height="10" rx="2" fill="currentColor" />
          <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" fill="none" stroke="currentColor" strokeWidth="2.2" />
        </svg>
        <h1 id="lock-title">{t('auth.lockedTitle')}</h1>
        <p>{t('auth.lockedIntro', { name: p.status.user?.name ?? '' })}</p>
        <ErrorBanner error={error} />
        <div className="field">
          <label htmlFor="unlock-password">{t('auth.password')}</label>
          <input id="unlock-password" ref={input} type="password" autoComplete="current-password" value={password} maxLength={200} required onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div className="form-actions">
          <button className="primary" type="submit" disabled={busy || !password}>
            {busy ? t('auth.working') : t('auth.unlock')}
          </button>
          <button type="button" className="link" onClick={() => void session?.signOut(t('auth.confirmSwitchUnsaved'))}>
            {t('auth.switchUser')}
          </button>
        </div>
      </form>
    </div>,
    layer,
  );
}
