export namespace service {
	
	export interface AppStatusDTO {
	    ready: boolean;
	    errorCode: string;
	    errorParams: Record<string, string>;
	    databasePath: string;
	    schemaVersion: number;
	    version: string;
	    hasTeam: boolean;
	    language: string;
	}
	export interface OverrideDTO {
	    courseId: number;
	    citizenName: string;
	    reason: string;
	    byName: string;
	    at: string;
	}
	export interface WorkerDTO {
	    id: number;
	    name: string;
	    initials: string;
	    role: string;
	    fte: number;
	    active: boolean;
	    openCourses: number;
	    maxCaseload: number;
	}
	export interface CaseloadDTO {
	    worker: WorkerDTO;
	    open: number;
	    max: number;
	    over: boolean;
	    overrides: OverrideDTO[];
	}
	export interface CourseSummaryDTO {
	    id: number;
	    status: string;
	    startDate: string;
	    endDate: string;
	    workerId: number;
	    workerName: string;
	    workerInitials: string;
	}
	export interface CitizenDTO {
	    id: number;
	    name: string;
	    cpr: string;
	    cprMasked: string;
	    phone: string;
	    email: string;
	    address: string;
	    contactNote: string;
	    housing: string;
	    housingNote: string;
	    updatedAt: string;
	    courses: CourseSummaryDTO[];
	}
	export interface CitizenInput {
	    id: number;
	    name: string;
	    cpr: string;
	    phone: string;
	    email: string;
	    address: string;
	    contactNote: string;
	    housing: string;
	    housingNote: string;
	}
	export interface CitizenListInput {
	    query: string;
	}
	export interface CitizenListItem {
	    id: number;
	    name: string;
	    cprMasked: string;
	    housing: string;
	    courseId: number;
	    courseStatus: string;
	    workerName: string;
	    workerInitials: string;
	}
	export interface StepStatusDTO {
	    step: string;
	    available: boolean;
	    done: number;
	    total: number;
	    percent: number;
	    missing: string[];
	}
	export interface CourseDTO {
	    id: number;
	    citizenId: number;
	    citizenName: string;
	    worker: WorkerDTO;
	    startDate: string;
	    endDate: string;
	    status: string;
	    override?: OverrideDTO;
	    steps: StepStatusDTO[];
	    updatedAt: string;
	}
	
	export interface CreateCourseInput {
	    citizenId: number;
	    workerId: number;
	    startDate: string;
	    overrideReason: string;
	    overrideByWorkerId: number;
	}
	export interface IDInput {
	    id: number;
	}
	export interface LanguageInput {
	    language: string;
	}
	
	export interface SaveVisitationInput {
	    courseId: number;
	    housingAtStart: string;
	    housingNote: string;
	    needs: string[];
	    needsNote: string;
	    targetGroupReason: string;
	    consent: string;
	    consentForm: string;
	    consentDate: string;
	    contactAgreement: string;
	    referralSource: string;
	    referralNote: string;
	    visitationDate: string;
	    legalBasis: string;
	    legalNote: string;
	    actionPlan: string;
	    actionPlanDate: string;
	    actionPlanCaseworker: string;
	    actionPlanNote: string;
	}
	export interface SetupTeamInput {
	    municipality: string;
	    teamName: string;
	    leadName: string;
	    leadInitials: string;
	    leadFte: number;
	}
	
	export interface TeamDTO {
	    id: number;
	    municipality: string;
	    name: string;
	}
	export interface TeamOverviewDTO {
	    team: TeamDTO;
	    caseloads: CaseloadDTO[];
	    open: number;
	    capacity: number;
	}
	export interface UpdateCourseInput {
	    id: number;
	    workerId: number;
	    startDate: string;
	    status: string;
	    endDate: string;
	    overrideReason: string;
	    overrideByWorkerId: number;
	}
	export interface UpdateTeamInput {
	    municipality: string;
	    teamName: string;
	}
	export interface VisitationDTO {
	    courseId: number;
	    housingAtStart: string;
	    housingNote: string;
	    needs: string[];
	    needsNote: string;
	    targetGroupReason: string;
	    consent: string;
	    consentForm: string;
	    consentDate: string;
	    contactAgreement: string;
	    referralSource: string;
	    referralNote: string;
	    visitationDate: string;
	    legalBasis: string;
	    legalNote: string;
	    actionPlan: string;
	    actionPlanDate: string;
	    actionPlanCaseworker: string;
	    actionPlanNote: string;
	    updatedAt: string;
	    completeness: StepStatusDTO;
	}
	export interface VocabularyDTO {
	    steps: string[];
	    housings: string[];
	    needs: string[];
	    referrals: string[];
	    legalBases: string[];
	    actionPlans: string[];
	    consents: string[];
	    consentForms: string[];
	    statuses: string[];
	    roles: string[];
	}
	
	export interface WorkerInput {
	    id: number;
	    name: string;
	    initials: string;
	    role: string;
	    fte: number;
	    active: boolean;
	}

}

