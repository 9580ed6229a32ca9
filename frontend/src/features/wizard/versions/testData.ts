// Shared fixtures of the plan-version tests.
import type { Course, Vocabulary, Worker } from '../../../api/client';
import type { PlanDiff, PlanDoc, PlanVersion, PlanVersionSummary } from '../../../api/versions';

export const COURSE = 7;

export const vocab = { signMethods: ['paper', 'in_person'] } as unknown as Vocabulary;

const worker = (w: Partial<Worker> & { id: number; name: string }): Worker => ({ initials: 'XX', role: 'icm_worker', fte: 1, active: true, openCourses: 0, maxCaseload: 8, ...w });

export const mette = worker({ id: 1, name: 'Mette Lund', initials: 'ML', role: 'team_lead' });
export const workers: Worker[] = [
  mette,
  worker({ id: 2, name: 'Karin Holm', initials: 'KH' }),
  worker({ id: 3, name: 'Pia Lind', initials: 'PL', role: 'team_lead', active: false }),
  worker({ id: 4, name: 'Lars Bak', initials: 'LB', role: 'team_lead' }),
];

export const course = { id: COURSE, citizenId: 3, citizenName: 'Åse Ærø', worker: worker({ id: 2, name: 'Karin Holm' }), startDate: '2026-11-01', status: 'active' } as Course;

export const doc = (over: Partial<PlanDoc> = {}): PlanDoc => ({
  formatVersion: 1,
  municipality: 'Solvang Kommune',
  team: 'ICM-teamet',
  citizen: 'Åse Ærø',
  citizenCpr: '010190-••••',
  worker: 'Karin Holm',
  courseStart: '2026-11-01',
  courseEnd: '',
  versionNo: 0,
  wishes: 'Et sted at bo og min datter tilbage.',
  goals: [
    {
      citizenWords: 'Jeg vil have min egen lejlighed',
      area: 'Bolig',
      actionPlanGoal: 'Mål 1',
      subGoals: [{ what: 'Søge om boligstøtte sammen', measure: 'Ansøgning sendt', owner: 'Åse og Karin', deadline: '2026-12-15', status: 'I gang' }],
    },
  ],
  activities: [{ what: 'Besøg i hjemmet', frequency: 'ugentligt', owner: 'Karin' }],
  network: [{ kind: 'Egen læge', name: 'Jens Holm', organisation: 'Lægehuset', role: '', phone: '86 12 34 56' }],
  actions: [{ action: 'Sende ansøgningen', owner: 'Jens', deadline: '2026-12-20', done: false }],
  advocacy: [{ barrier: 'Afslag uden begrundelse', towards: 'Ydelseskontoret', actions: '', outcome: '', status: 'I gang' }],
  nextEvaluation: '2027-02-01',
  actionPlan141: 'Der er en handleplan (20.10.2026, sagsbehandler Lone Berg)',
  who5: [{ date: '2026-11-05', percent: 40 }],
  ...over,
});

export const summary = (over: Partial<PlanVersionSummary> = {}): PlanVersionSummary => ({
  id: 21,
  courseId: COURSE,
  versionNo: 1,
  signedAt: '2026-12-01T10:00:00Z',
  citizenName: 'Åse Ærø',
  citizenDate: '2026-12-01',
  method: 'paper',
  workerId: 2,
  workerName: 'Karin Holm',
  workerDate: '2026-12-01',
  leadId: 1,
  leadName: 'Mette Lund',
  leadDate: '2026-12-02',
  citizenComment: 'Jeg er uenig i fristen for boligstøtten.',
  ...over,
});

export const signed = (s: PlanVersionSummary = summary()): PlanVersion => ({
  summary: s,
  signed: true,
  plan: doc({
    versionNo: s.versionNo,
    signature: {
      citizenName: s.citizenName,
      citizenDate: s.citizenDate,
      method: 'Underskrevet på papir ved et møde',
      workerName: s.workerName,
      workerDate: s.workerDate,
      leadName: s.leadName,
      leadDate: s.leadDate,
      citizenComment: s.citizenComment,
      signedAt: s.signedAt,
    },
  }),
});

export const diff = (over: Partial<PlanDiff> = {}): PlanDiff => ({
  courseId: COURSE,
  from: { id: 21, versionNo: 1, citizenDate: '2026-12-01' },
  to: { id: 0, versionNo: 0, citizenDate: '' },
  changes: [
    { kind: 'subgoal_status', goal: 'Jeg vil have min egen lejlighed', item: 'Søge om boligstøtte sammen', from: 'I gang', to: 'Nået' },
    { kind: 'subgoal_added', goal: 'Jeg vil have min egen lejlighed', item: 'Besøge tre lejligheder', from: '', to: '' },
    { kind: 'next_evaluation', goal: '', item: '', from: '2027-02-01', to: '2027-03-01' },
  ],
  ...over,
});
