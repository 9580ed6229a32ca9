import { useCaseloadWarnings } from '../../api/conflicts';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../lib/dates';
import { href } from '../../lib/router';
import './conflicts.css';

/**
 * The team lead's warning that assignments made on different laptops together took a worker
 * over the caseload ceiling: who, by how many, and which assignments. Nothing for a worker
 * (the backend refuses them) or when no ceiling is broken.
 */
export function CaseloadWarnings(p: { enabled?: boolean }) {
  const { t } = useI18n();
  const q = useCaseloadWarnings(p.enabled ?? true);
  if (!q.data || q.data.length === 0) return null;
  return (
    <section className="banner banner-warn caseload-warnings" data-testid="caseload-warnings" aria-labelledby="caseload-warnings-title">
      <h2 id="caseload-warnings-title">{t('conflicts.caseloadTitle')}</h2>
      <p>{t('conflicts.caseloadIntro')}</p>
      {q.data.map((w) => (
        <div key={w.workerId} className="caseload-warning">
          <p>
            <strong>{t('conflicts.caseloadLine', { worker: w.workerName, open: w.open, max: w.max, over: w.over })}</strong>
          </p>
          <p className="muted">{t('conflicts.caseloadMade')}</p>
          <ul>
            {w.assignments.map((a) => (
              <li key={a.courseId}>
                <a href={href({ name: 'course', id: a.courseId, step: 'visitation' })}>
                  {a.thisLaptop
                    ? t('conflicts.assignmentHere', { citizen: a.citizenName, at: formatDateTime(a.at) })
                    : t('conflicts.assignment', {
                        citizen: a.citizenName, at: formatDateTime(a.at),
                        who: a.byName || t('conflicts.unknownWriter'), laptop: a.laptop || t('conflicts.unknownLaptop'),
                      })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
