import { useSyncExternalStore } from 'react';

// A small hash router: the window reloads onto the same screen, and nothing about the
// citizen is kept anywhere but the database (the hash holds only record ids).

export type Route =
  | { name: 'citizens' }
  | { name: 'citizenNew' }
  | { name: 'citizen'; id: number }
  | { name: 'citizenEdit'; id: number }
  | { name: 'courseNew'; citizenId: number }
  | { name: 'course'; id: number; step: string }
  | { name: 'caseload' }
  | { name: 'team' }
  | { name: 'settings' }
  | { name: 'search' }
  | { name: 'overview' }
  | { name: 'template' }
  | { name: 'audit' }
  | { name: 'sync' };

const num = (s: string | undefined) => {
  const n = Number(s);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [a, b, c] = parts;
  switch (a) {
    case 'citizens':
      if (b === 'new') return { name: 'citizenNew' };
      if (num(b) && c === 'edit') return { name: 'citizenEdit', id: num(b) };
      if (num(b) && c === 'start-course') return { name: 'courseNew', citizenId: num(b) };
      if (num(b)) return { name: 'citizen', id: num(b) };
      return { name: 'citizens' };
    case 'courses':
      if (num(b)) return { name: 'course', id: num(b), step: c ?? 'visitation' };
      return { name: 'citizens' };
    case 'caseload':
      return { name: 'caseload' };
    case 'team':
      return { name: 'team' };
    case 'settings':
      return { name: 'settings' };
    case 'search':
      return { name: 'search' };
    case 'overview':
      return { name: 'overview' };
    case 'template':
      return { name: 'template' };
    case 'audit':
      return { name: 'audit' };
    case 'sync':
      return { name: 'sync' };
    default:
      return { name: 'citizens' };
  }
}

export function href(r: Route): string {
  switch (r.name) {
    case 'citizens':
      return '#/citizens';
    case 'citizenNew':
      return '#/citizens/new';
    case 'citizen':
      return `#/citizens/${r.id}`;
    case 'citizenEdit':
      return `#/citizens/${r.id}/edit`;
    case 'courseNew':
      return `#/citizens/${r.citizenId}/start-course`;
    case 'course':
      return `#/courses/${r.id}/${r.step}`;
    case 'caseload':
      return '#/caseload';
    case 'team':
      return '#/team';
    case 'settings':
      return '#/settings';
    case 'search':
      return '#/search';
    case 'overview':
      return '#/overview';
    case 'template':
      return '#/template';
    case 'audit':
      return '#/audit';
    case 'sync':
      return '#/sync';
  }
}

export function navigate(r: Route) {
  window.location.hash = href(r);
}

function subscribe(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}
