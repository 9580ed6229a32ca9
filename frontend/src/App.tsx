import { useCallback, useEffect, useRef } from 'react';
import { listenForClose } from './api/closeWindow';
import { translate } from './i18n/i18n';
import { useQueryClient } from '@tanstack/react-query';
import { api } from './api/client';
import { keys, useStatus } from './api/queries';
import { toAppError } from './api/errors';
import { I18nProvider, type Lang } from './i18n/i18n';
import { Loading, ErrorBanner } from './components/ui';
import { StartupErrorPage } from './pages/startup/StartupErrorPage';
import { AuthGate } from './features/auth/AuthGate';
import { lazyScreen } from './lib/lazyScreen';

// Everything after sign-in loads in its own chunks, each screen when it is first opened.
const Routed = lazyScreen(() => import('./Routed'), 'Routed');

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
