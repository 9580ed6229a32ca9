import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { listenForDamage, onCallError } from './api/databaseDamage';
import { listenForTeamChanges } from './api/teamSync';
import { sendFirstCalls } from './api/firstCalls';
import { App } from './App';
import { ScreenReadySignal } from './components/ScreenReadySignal';
import { markPlatform } from './lib/platform';
import './styles.css';

const client: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (e, q) => onCallError(client, e, q.queryKey) }),
  mutationCache: new MutationCache({ onError: (e) => onCallError(client, e) }),
  defaultOptions: {
    // Data is local: no retries that hide an error, no refetch storms on focus, and no
    // pausing when the laptop loses its network (react-query's default would freeze the app).
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000, networkMode: 'always' },
    mutations: { retry: false, networkMode: 'always' },
  },
});

sendFirstCalls(client);
markPlatform(document.documentElement, navigator.userAgent);
listenForDamage(client);
listenForTeamChanges(client);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={client}>
      <App />
      <ScreenReadySignal />
    </QueryClientProvider>
  </StrictMode>,
);
