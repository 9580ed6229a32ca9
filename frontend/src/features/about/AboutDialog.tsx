import { useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useStatus } from '../../api/queries';
import { useI18n } from '../../i18n/i18n';
import { useDialogFocus } from '../../components/dialogFocus';
import { isoToDanish } from '../../lib/dates';
import { buildInfo as bundledBuildInfo, type BuildInfo } from './buildInfo';
import iconUrl from './icon.png';
import './about.css';

/** What the dialog shows from the backend's status; undefined while it loads. */
export interface AboutFacts {
  version?: string;
  databasePath?: string;
  schemaVersion?: number;
}

/**
 * The About dialog: product, version (from Go, which has it from the VERSION file), build
 * date and commit, the database file, a data-protection line and the licences in short.
 * Modal: focus moves to Close and stays inside; Escape or Close shut it, and focus returns to the opener.
 */
export function AboutDialog(p: { facts: AboutFacts; build: BuildInfo; onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const closeRef = useRef<HTMLButtonElement>(null);
  const { onClose } = p;

  const box = useRef<HTMLDivElement>(null);
  // Close is at the foot; at 200-400 % the box scrolls, and it must open at its head.
  useDialogFocus(box, { onClose, initial: closeRef, startAtTop: true });

  const none = t('about.notRecorded');
  const commit = p.build.commit;
  const commitText = !commit
    ? none
    : commit.endsWith('+changes')
      ? t('about.commitChanges', { commit: commit.slice(0, -'+changes'.length) })
      : commit;

  return (
    <div className="about-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={box} className="about-dialog card" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="about-head">
          <img className="about-icon" src={iconUrl} alt="" width={56} height={56} />
          <div>
            <h2 id={titleId}>{t('about.title')}</h2>
            <div className="about-product" lang="en">{t('about.product')}</div>
          </div>
        </header>
        <p>{t('about.purpose')}</p>
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{p.facts.version ?? '…'}</dd>
          <dt>{t('about.built')}</dt>
          <dd>{p.build.built ? isoToDanish(p.build.built) : none}</dd>
          <dt>{t('about.commit')}</dt>
          <dd>
            <code>{commitText}</code>
          </dd>
          <dt>{t('about.database')}</dt>
          <dd>
            <code className="about-path">{p.facts.databasePath ?? '…'}</code>
          </dd>
          <dt>{t('about.schema')}</dt>
          <dd>{p.facts.schemaVersion ?? '…'}</dd>
        </dl>
        <h3>{t('about.privacyTitle')}</h3>
        <p>{t('about.privacy')}</p>
        <h3>{t('about.licencesTitle')}</h3>
        <p className="about-small">{t('about.licences')}</p>
        <p className="about-small muted">{t('about.licencesFile')}</p>
        <div className="about-actions">
          <button ref={closeRef} type="button" className="primary" onClick={onClose}>
            {t('about.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** The link in the sidebar that opens the About dialog with the live status. */
export function AboutLink() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const status = useStatus();
  const close = useRef(() => setOpen(false)).current;
  return (
    <>
      <button type="button" className="about-link" onClick={() => setOpen(true)} aria-haspopup="dialog">
        {t('about.open')}
      </button>
      {open &&
        // Outside the sidebar: the dialog is not part of the navigation and takes none of its colours.
        createPortal(
          <AboutDialog
            facts={{ version: status.data?.version, databasePath: status.data?.databasePath, schemaVersion: status.data?.schemaVersion }}
            build={bundledBuildInfo}
            onClose={close}
          />,
          document.body,
        )}
    </>
  );
}
