import type { BackupProgress } from '../../api/backup';
import { hasKey, useI18n } from '../../i18n/i18n';
import { percent } from './format';

/** What a running backup or restore is doing, with a bar: counted steps fill it, others move. */
export function BackupProgressBar(p: { progress: BackupProgress | null }) {
  const { t, tx, lang } = useI18n();
  const pct = percent(p.progress);
  const phase = p.progress?.phase ?? '';
  const text = phase && hasKey(lang, `backup.phases.${phase}`) ? tx(`backup.phases.${phase}`) : t('backup.working');
  return (
    <div className="backup-progress" role="status">
      <div>
        {text}
        {pct !== null && ` ${pct} %`}
      </div>
      <div
        className={`progress tone-ok ${pct === null ? 'backup-progress-moving' : ''}`}
        role="progressbar"
        aria-label={t('backup.progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={text}
      >
        <div className="bar" style={{ width: pct === null ? '30%' : `${pct}%` }} />
      </div>
    </div>
  );
}
