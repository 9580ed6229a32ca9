import './i18n/screens';
import { Shell } from './components/Shell';
import { useRoute } from './lib/router';
import { lazyScreen } from './lib/lazyScreen';
import { CitizenListPage } from './pages/citizens/CitizenListPage';

// The citizen list is the screen after sign-in and comes with this chunk; every other
// screen loads when it is first opened.
const AuditPage = lazyScreen(() => import('./features/audit/AuditPage'), 'AuditPage');
const CitizenPage = lazyScreen(() => import('./pages/citizens/CitizenPage'), 'CitizenPage');
const CitizenFormPage = lazyScreen(() => import('./pages/citizens/CitizenFormPage'), 'CitizenFormPage');
const StartCoursePage = lazyScreen(() => import('./pages/course/StartCoursePage'), 'StartCoursePage');
const CoursePage = lazyScreen(() => import('./pages/course/CoursePage'), 'CoursePage');
const CaseloadPage = lazyScreen(() => import('./pages/caseload/CaseloadPage'), 'CaseloadPage');
const TeamPage = lazyScreen(() => import('./pages/team/TeamPage'), 'TeamPage');
const SettingsPage = lazyScreen(() => import('./pages/settings/SettingsPage'), 'SettingsPage');
const SyncPage = lazyScreen(() => import('./features/teamfolder/SyncPage'), 'SyncPage');
const NoteSearchPage = lazyScreen(() => import('./features/notes/NoteSearchPage'), 'NoteSearchPage');
const TemplatePage = lazyScreen(() => import('./pages/template/TemplatePage'), 'TemplatePage');
const OverviewPage = lazyScreen(() => import('./pages/overview/OverviewPage'), 'OverviewPage');

/** The signed-in app: the shell around the screen the route names. */
export function Routed() {
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
