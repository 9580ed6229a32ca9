import { useCallback, useEffect, useRef } from 'react';
import { listenForClose } from './api/closeWindow';
import { translate } from './i18n/i18n';
import { useQueryClient } from '@tanstack/react-query';
import { api } from './api/client';
import { keys, useStatus } from './api/queries';
import { toAppError } from './api/errors';
import { I18nProvider, type Lang } from './i18n/i18n';
import { Shell } from './components/Shell';
import { Loading, ErrorBanner } from './components/ui';
import { StartupErrorPage } from './pages/startup/StartupErrorPage';
import { AuthGate } from './features/auth/AuthGate';
import { AuditPage } from './features/audit/AuditPage';
import { useRoute } from './lib/router';
import { CitizenListPage } from './pages/citizens/CitizenListPage';
import { CitizenPage } from './pages/citizens/CitizenPage';
import { CitizenFormPage } from './pages/citizens/CitizenFormPage';
import { StartCoursePage } from './pages/course/StartCoursePage';
import { CoursePage } from './pages/course/CoursePage';
import { CaseloadPage } from './pages/caseload/CaseloadPage';
import { TeamPage } from './pages/team/TeamPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { SyncPage } from './features/teamfolder/SyncPage';
import { NoteSearchPage } from './features/notes/NoteSearchPage';
import { TemplatePage } from './pages/template/TemplatePage';
import { OverviewPage } from './pages/overview/OverviewPage';

export function App() {
  const status = useStatus();
  const qc = useQueryClient();
  const lang: Lang = status.data?.language === 'en' ? 'en' : 'da';
  const setLang = useCallback(
    (l: Lang) => {
      void api.setLanguage(l).then((s) => qc.setQueryData(keys.status, s));
    },
    [qc],
  );
  document.documentElement.lang = lang;
  useEffect(() => listenForClose(() => translate(lang, 'common.confirmCloseUnsaved')), [lang]);

  // A file found damaged once the app was up goes to AuthGate, which keeps a signed-in
  // worker's screens under a banner (unsaved text can be copied) and shows the start error
  // page otherwise; found before that, the start error page replaces everything.
  const wasReady = useRef(false);
  if (status.data?.ready) wasReady.current = true;
  const damagedInUse = !!status.data && !status.data.ready && status.data.errorCode === 'database_corrupt' && wasReady.current;

  let body;
  if (status.isPending) body = <Loading />;
  else if (status.error) body = <ErrorBanner error={toAppError(status.error)} />;
  else if (!status.data.ready && !damagedInUse) body = <StartupErrorPage status={status.data} />;
  else
    body = (
      <AuthGate damaged={damagedInUse ? status.data : undefined}>
        <Routed />
      </AuthGate>
    );

  return (
    <I18nProvider lang={lang} onChange={setLang}>
      {body}
    </I18nProvider>
  );
}

function Routed() {
  const route = useRoute();
  let page;
  switch (route.name) {
    case 'citizens':
      page = <CitizenListPage />;
      break;
    case 'citizenNew':
      page = <CitizenFormPage key="new" id={0} />;
      break;
    case 'citizen':
      page = <CitizenPage key={route.id} id={route.id} />;
      break;
    case 'citizenEdit':
      page = <CitizenFormPage key={route.id} id={route.id} />;
      break;
    case 'courseNew':
      page = <StartCoursePage citizenId={route.citizenId} />;
      break;
    case 'course':
      page = <CoursePage key={route.id} id={route.id} step={route.step} />;
      break;
    case 'caseload':
      page = <CaseloadPage />;
      break;
    case 'team':
      page = <TeamPage />;
      break;
    case 'settings':
      page = <SettingsPage />;
      break;
    case 'search':
      page = <NoteSearchPage />;
      break;
    case 'overview':
      page = <OverviewPage />;
      break;
    case 'template':
      page = <TemplatePage />;
      break;
    case 'audit':
      page = <AuditPage />;
      break;
    case 'sync':
      page = <SyncPage />;
      break;
  }
  return <Shell route={route}>{page}</Shell>;
}
