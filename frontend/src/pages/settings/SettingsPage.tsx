import { useStatus } from '../../api/queries';
import { RadioGroup } from '../../components/form';
import { PageHeader } from '../../components/ui';
import { useI18n, type Lang } from '../../i18n/i18n';
import { AccessSettings } from '../../features/auth/AccessSettings';
import { BackupSection } from '../../features/backup/BackupSection';
import { TeamFolderSection } from '../../features/teamfolder/TeamFolderSection';

export function SettingsPage() {
  const { t, lang, setLang } = useI18n();
  const status = useStatus();
  return (
    <>
      <PageHeader title={t('settings.title')} />
      <section className="card form">
        <RadioGroup
          label={t('settings.language')}
          help={t('settings.languageHelp')}
          value={lang}
          onChange={(v) => setLang(v as Lang)}
          options={[
            { value: 'da', label: 'Dansk' },
            { value: 'en', label: 'English' },
          ]}
        />
      </section>
      <AccessSettings />
      <TeamFolderSection />
      <BackupSection />
      <section className="card">
        <h2>{t('settings.data')}</h2>
        <p>{t('settings.dataHelp')}</p>
        <dl className="facts">
          <dt>{t('settings.databasePath')}</dt>
          <dd>
            <code>{status.data?.databasePath}</code>
          </dd>
          <dt>{t('settings.version')}</dt>
          <dd>{status.data?.version}</dd>
          <dt>{t('settings.schema')}</dt>
          <dd>{status.data?.schemaVersion}</dd>
        </dl>
      </section>
    </>
  );
}
