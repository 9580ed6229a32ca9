import type { ReactNode } from 'react';
import type { AuthStatus } from '../../api/auth';
import { SessionContext, type Session } from './session';

/** For tests: a signed-in session of the team lead Lars Bak (4) or the ICM worker Karin Holm (2). */
export function sessionAs(role: 'team_lead' | 'icm_worker'): Session {
  const user = role === 'team_lead' ? { workerId: 4, name: 'Lars Bak', initials: 'LB', role } : { workerId: 2, name: 'Karin Holm', initials: 'KH', role };
  return {
    status: { signedIn: true, user } as AuthStatus,
    user,
    isLead: role === 'team_lead',
    apply: () => {},
    refresh: async () => {},
    lock: async () => {},
    signOut: async () => true,
  };
}

/** For tests: renders children inside sessionAs(role). */
export function SignedInAs(p: { role: 'team_lead' | 'icm_worker'; children: ReactNode }) {
  return <SessionContext.Provider value={sessionAs(p.role)}>{p.children}</SessionContext.Provider>;
}
