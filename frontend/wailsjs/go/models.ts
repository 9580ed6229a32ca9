export namespace citizenexport {
	
	export interface CourseCounts {
	    assessment: number;
	    goals: number;
	    subGoals: number;
	    activities: number;
	    contacts: number;
	    meetings: number;
	    advocacy: number;
	    evaluations: number;
	    who5: number;
	    weeklyChecks: number;
	    notes: number;
	    planVersions: number;
	}

}

export namespace plandoc {
	
	export interface Action {
	    action: string;
	    owner: string;
	    deadline: string;
	    done: boolean;
	}
	export interface Activity {
	    what: string;
	    frequency: string;
	    owner: string;
	}
	export interface AdvocacyCase {
	    barrier: string;
	    towards: string;
	    actions: string;
	    outcome: string;
	    status: string;
	}
	export interface Change {
	    kind: string;
	    goal: string;
	    item: string;
	    from: string;
	    to: string;
	}
	export interface Contact {
	    kind: string;
	    name: string;
	    organisation: string;
	    role: string;
	    phone: string;
	}
	export interface SubGoal {
	    what: string;
	    measure: string;
	    owner: string;
	    deadline: string;
	    status: string;
	}
	export interface Goal {
	    citizenWords: string;
	    area: string;
	    actionPlanGoal: string;
	    subGoals: SubGoal[];
	}
	export interface Signature {
	    citizenName: string;
	    citizenDate: string;
	    method: string;
	    workerName: string;
	    workerDate: string;
	    leadName: string;
	    leadDate: string;
	    citizenComment: string;
	    signedAt: string;
	}
	export interface WHO5Point {
	    date: string;
	    percent: number;
	}
	export interface Plan {
	    formatVersion: number;
	    municipality: string;
	    team: string;
	    citizen: string;
	    citizenCpr: string;
	    worker: string;
	    courseStart: string;
	    courseEnd: string;
	    versionNo: number;
	    wishes: string;
	    goals: Goal[];
	    activities: Activity[];
	    network: Contact[];
	    actions: Action[];
	    advocacy: AdvocacyCase[];
	    nextEvaluation: string;
	    actionPlan141: string;
	    who5: WHO5Point[];
	    signature?: Signature;
	}
	
	

}

export namespace service {
	
	export interface AccessExportDTO {
	    pdfPath: string;
	    jsonPath: string;
	    cancelled: boolean;
	    replacedChars: string[];
	}
	export interface AccountDTO {
	    workerId: number;
	    name: string;
	    initials: string;
	    role: string;
	    active: boolean;
	    hasAccount: boolean;
	    username: string;
	    failedAttempts: number;
	    lockedUntil: string;
	    lastSignIn: string;
	    mustChange: boolean;
	}
	export interface AccountInput {
	    workerId: number;
	    username: string;
	    password: string;
	}
	export interface ActivityDTO {
	    id: number;
	    what: string;
	    frequency: string;
	    owner: string;
	    subGoalId: number;
	}
	export interface ActivityInput {
	    id: number;
	    courseId: number;
	    what: string;
	    frequency: string;
	    owner: string;
	    subGoalId: number;
	}
	export interface AdvocacyCaseDTO {
	    id: number;
	    opened: string;
	    barrier: string;
	    towards: string;
	    actions: string;
	    rights: string;
	    outcome: string;
	    status: string;
	}
	export interface AdvocacyCaseInput {
	    id: number;
	    courseId: number;
	    opened: string;
	    barrier: string;
	    towards: string;
	    actions: string;
	    rights: string;
	    outcome: string;
	    status: string;
	}
	export interface StepStatusDTO {
	    step: string;
	    available: boolean;
	    done: number;
	    total: number;
	    percent: number;
	    missing: string[];
	}
	export interface AdvocacyDTO {
	    courseId: number;
	    cases: AdvocacyCaseDTO[];
	    completeness: StepStatusDTO;
	}
	export interface AnchorCheckDTO {
	    matches: boolean;
	    missing: boolean;
	}
	export interface AnchorInput {
	    id: number;
	    hash: string;
	}
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
	export interface RevisionDTO {
	    revisionDate: string;
	    citizenView: string;
	    workerView: string;
	    resources: string;
	    needs: string;
	    barriers: string;
	    updatedAt: string;
	}
	export interface TopicDTO {
	    topic: string;
	    current: RevisionDTO;
	    history: RevisionDTO[];
	}
	export interface AssessmentDTO {
	    courseId: number;
	    topics: TopicDTO[];
	    completeness: StepStatusDTO;
	}
	export interface AuditCheckDTO {
	    checked: boolean;
	    ok: boolean;
	    entries: number;
	    brokenAt: number;
	    checkedAt: string;
	    full: boolean;
	    newEntries: number;
	    fullAt: string;
	    rewritten: boolean;
	    anchorId: number;
	    anchorSource: string;
	    anchorAt: string;
	    headId: number;
	    headHash: string;
	}
	export interface AuditComputerDTO {
	    laptop: string;
	    label: string;
	    this: boolean;
	}
	export interface AuditEntryDTO {
	    id: number;
	    at: string;
	    workerId: number;
	    workerName: string;
	    action: string;
	    object: string;
	    citizenId: number;
	    citizenName: string;
	    courseId: number;
	    detail: string;
	    laptop: string;
	    computer: string;
	}
	export interface AuditFilter {
	    citizenId: number;
	    workerId: number;
	    action: string;
	    from: string;
	    to: string;
	    before: number;
	    limit: number;
	    computer: string;
	    cursor: string;
	}
	export interface AuditLaptopInput {
	    laptop: string;
	}
	export interface AuditPageDTO {
	    entries: AuditEntryDTO[];
	    more: boolean;
	    actions: string[];
	    next: string;
	    computers: AuditComputerDTO[];
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
	export interface UserDTO {
	    workerId: number;
	    name: string;
	    initials: string;
	    role: string;
	}
	export interface AuthStatusDTO {
	    hasTeam: boolean;
	    hasAccount: boolean;
	    signedIn: boolean;
	    locked: boolean;
	    mustChange: boolean;
	    user?: UserDTO;
	    lockMinutes: number;
	    demo: boolean;
	    leadsWithoutAccount: WorkerDTO[];
	    audit: AuditCheckDTO;
	}
	export interface AwayItemDTO {
	    kind: string;
	    day: string;
	    courseId: number;
	    citizenId: number;
	    citizenName: string;
	    author: string;
	    noteKind: string;
	    occurredAt: string;
	    firstLine: string;
	    versionNo: number;
	}
	export interface AwayPeriodDTO {
	    coverId: number;
	    coverWorkerName: string;
	    from: string;
	    until: string;
	    all: boolean;
	    citizenCount: number;
	}
	export interface BackupEntryDTO {
	    name: string;
	    taken: string;
	    size: number;
	}
	export interface RestoreInfoDTO {
	    backupCreated: string;
	    stagedAt: string;
	    stagedBy: string;
	    citizens: number;
	    workers: number;
	    auditEntries: number;
	    schemaVersion: number;
	    previous: string;
	}
	export interface BackupListDTO {
	    folder: string;
	    entries: BackupEntryDTO[];
	    due: boolean;
	    keepDaily: number;
	    keepWeekly: number;
	    minPassphrase: number;
	    pending?: RestoreInfoDTO;
	    restored?: RestoreInfoDTO;
	    restoreFailed: string;
	}
	export interface CaseReviewDTO {
	    id: number;
	    date: string;
	    participants: string;
	    agreed: string;
	}
	export interface CaseReviewDueDTO {
	    courseId: number;
	    citizenName: string;
	    workerInitials: string;
	    lastReview: string;
	    dueDate: string;
	    state: string;
	    days: number;
	}
	export interface CaseReviewInput {
	    id: number;
	    courseId: number;
	    date: string;
	    participants: string;
	    agreed: string;
	}
	export interface CaseloadAssignmentDTO {
	    courseId: number;
	    citizenId: number;
	    citizenName: string;
	    at: string;
	    byName: string;
	    laptop: string;
	    thisLaptop: boolean;
	}
	export interface OverrideDTO {
	    courseId: number;
	    citizenId: number;
	    citizenName: string;
	    reason: string;
	    byName: string;
	    at: string;
	}
	export interface CaseloadDTO {
	    worker: WorkerDTO;
	    open: number;
	    max: number;
	    over: boolean;
	    overrides: OverrideDTO[];
	}
	export interface CaseloadWarningDTO {
	    workerId: number;
	    workerName: string;
	    open: number;
	    max: number;
	    over: number;
	    assignments: CaseloadAssignmentDTO[];
	}
	export interface ChangePasswordInput {
	    current: string;
	    new: string;
	}
	export interface ChildInput {
	    courseId: number;
	    id: number;
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
	    readOnly: boolean;
	    covered: boolean;
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
	export interface CitizenIDInput {
	    citizenId: number;
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
	    housingDate: string;
	}
	export interface CitizenListInput {
	    query: string;
	}
	export interface CitizenListItem {
	    id: number;
	    readOnly: boolean;
	    covered: boolean;
	    name: string;
	    cprMasked: string;
	    housing: string;
	    courseId: number;
	    courseStatus: string;
	    workerName: string;
	    workerInitials: string;
	}
	export interface CloseCourseInput {
	    courseId: number;
	    endDate: string;
	    reason: string;
	    afterSupport: string;
	    afterNote: string;
	    housingAtClose: string;
	    note: string;
	}
	export interface ClosingDTO {
	    endDate: string;
	    reason: string;
	    afterSupport: string;
	    afterNote: string;
	    housingAtClose: string;
	    note: string;
	}
	export interface CompareInput {
	    courseId: number;
	    fromId: number;
	    toId: number;
	}
	export interface ImportCourseChoice {
	    index: number;
	    workerId: number;
	    overrideReason: string;
	}
	export interface ConfirmImportInput {
	    token: string;
	    courses: ImportCourseChoice[];
	}
	export interface ConflictCountDTO {
	    count: number;
	}
	export interface ConflictValueDTO {
	    keptId: number;
	    text: string;
	    kind: string;
	    writerName: string;
	    laptop: string;
	    at: string;
	}
	export interface ConflictDTO {
	    id: number;
	    field: string;
	    citizenId: number;
	    citizenName: string;
	    courseId: number;
	    mergeable: boolean;
	    current: ConflictValueDTO;
	    kept: ConflictValueDTO[];
	}
	export interface ConflictListInput {
	    courseId: number;
	    citizenId: number;
	}
	
	export interface ContactDTO {
	    id: number;
	    kind: string;
	    name: string;
	    organisation: string;
	    phone: string;
	    email: string;
	    role: string;
	    lastContact: string;
	    active: boolean;
	}
	export interface ContactFrequencyDTO {
	    id: number;
	    fromDate: string;
	    times: number;
	    per: string;
	    note: string;
	}
	export interface ContactFrequencyInput {
	    courseId: number;
	    fromDate: string;
	    times: number;
	    per: string;
	    note: string;
	}
	export interface ContactGapDTO {
	    days: number;
	    limitDays: number;
	    over: boolean;
	    since: string;
	    noneYet: boolean;
	}
	export interface ContactGapRowDTO {
	    courseId: number;
	    citizenName: string;
	    workerInitials: string;
	    days: number;
	    limitDays: number;
	    since: string;
	    noneYet: boolean;
	}
	export interface ContactInput {
	    id: number;
	    courseId: number;
	    kind: string;
	    name: string;
	    organisation: string;
	    phone: string;
	    email: string;
	    role: string;
	    lastContact: string;
	    active: boolean;
	}
	export interface ContactWeekDTO {
	    weekStart: string;
	    agreedTimes: number;
	    agreedPer: string;
	    agreedPerWeek: number;
	    contacts: number;
	    minutes: number;
	    attempts: number;
	    state: string;
	}
	export interface ContactIntensityRowDTO {
	    courseId: number;
	    citizenName: string;
	    workerInitials: string;
	    frequency: ContactFrequencyDTO;
	    lastWeek?: ContactWeekDTO;
	}
	
	export interface MeetingActionDTO {
	    action: string;
	    owner: string;
	    deadline: string;
	    done: boolean;
	}
	export interface MeetingDTO {
	    id: number;
	    date: string;
	    participants: string;
	    purpose: string;
	    preparation: string;
	    outcome: string;
	    actions: MeetingActionDTO[];
	}
	export interface CoordinationDTO {
	    courseId: number;
	    contacts: ContactDTO[];
	    meetings: MeetingDTO[];
	    completeness: StepStatusDTO;
	}
	export interface CourseDTO {
	    id: number;
	    readOnly: boolean;
	    citizenId: number;
	    citizenName: string;
	    worker: WorkerDTO;
	    startDate: string;
	    endDate: string;
	    status: string;
	    override?: OverrideDTO;
	    steps: StepStatusDTO[];
	    updatedAt: string;
	    contactGap: ContactGapDTO;
	    nextEvaluationDue: string;
	    evaluationState: string;
	}
	export interface RuleResultDTO {
	    rule: string;
	    pass: boolean;
	    reason: string;
	    step: string;
	    params: Record<string, string>;
	}
	export interface CourseFidelityDTO {
	    courseId: number;
	    citizenName: string;
	    workerName: string;
	    workerInitials: string;
	    status: string;
	    startDate: string;
	    results: RuleResultDTO[];
	    passed: number;
	    total: number;
	}
	export interface CourseRefDTO {
	    courseId: number;
	    citizenName: string;
	    workerInitials: string;
	}
	
	export interface CoverCitizenDTO {
	    id: number;
	    name: string;
	}
	export interface CoverDTO {
	    id: number;
	    workerId: number;
	    workerName: string;
	    coverWorkerId: number;
	    coverWorkerName: string;
	    from: string;
	    to: string;
	    note: string;
	    withdrawn: boolean;
	    current: boolean;
	    all: boolean;
	    citizenCount: number;
	    citizens: CoverCitizenDTO[];
	}
	export interface CoverInput {
	    workerId: number;
	    coverWorkerId: number;
	    from: string;
	    to: string;
	    note: string;
	    some: boolean;
	    citizenIds: number[];
	}
	export interface CreateCourseInput {
	    citizenId: number;
	    workerId: number;
	    startDate: string;
	    overrideReason: string;
	}
	export interface DeleteCitizenInput {
	    citizenId: number;
	    confirmName: string;
	}
	export interface DeletionCountDTO {
	    kind: string;
	    rows: number;
	}
	export interface DeletionPreviewDTO {
	    citizenId: number;
	    name: string;
	    courses: number;
	    openCourses: number;
	    lastEndDate: string;
	    counts: DeletionCountDTO[];
	    auditEntries: number;
	    allowed: boolean;
	}
	export interface DeletionResultDTO {
	    deleted: DeletionCountDTO[];
	    auditEntriesKept: number;
	}
	export interface EnrollInput {
	    laptop: string;
	    workerId: number;
	}
	export interface EvaluationItemDTO {
	    subGoalId: number;
	    subGoalWhat: string;
	    status: string;
	    comment: string;
	}
	export interface EvaluationDTO {
	    id: number;
	    date: string;
	    dueDate: string;
	    onTime: boolean;
	    summary: string;
	    planChanges: string;
	    items: EvaluationItemDTO[];
	}
	export interface EvaluationDueDTO {
	    courseId: number;
	    citizenName: string;
	    workerInitials: string;
	    dueDate: string;
	    state: string;
	    days: number;
	}
	export interface EvaluationItemInput {
	    subGoalId: number;
	    status: string;
	    comment: string;
	}
	export interface EvaluationInput {
	    id: number;
	    courseId: number;
	    date: string;
	    summary: string;
	    planChanges: string;
	    items: EvaluationItemInput[];
	}
	
	
	export interface ExportEvaluationInput {
	    courseId: number;
	    evaluationId: number;
	}
	export interface ExportPlanInput {
	    courseId: number;
	    versionId: number;
	}
	export interface ExportResultDTO {
	    path: string;
	    cancelled: boolean;
	    replacedChars: string[];
	}
	export interface ExportSummaryInput {
	    courseId: number;
	    withNotes: boolean;
	}
	export interface ExportTemplateInput {
	    versionId: number;
	}
	export interface RuleTotalDTO {
	    rule: string;
	    pass: number;
	    total: number;
	}
	export interface FidelityQuarterDTO {
	    year: number;
	    quarter: number;
	    asOf: string;
	    partial: boolean;
	    courses: number;
	    rules: RuleTotalDTO[];
	}
	export interface TeamDTO {
	    id: number;
	    municipality: string;
	    name: string;
	}
	export interface FidelityHistoryDTO {
	    today: string;
	    team: TeamDTO;
	    quarters: FidelityQuarterDTO[];
	}
	
	export interface FirstAccountInput {
	    workerId: number;
	    username: string;
	    password: string;
	}
	export interface FolderCheckDTO {
	    path: string;
	    cancelled: boolean;
	    usable: boolean;
	    reason: string;
	    hasTeam: boolean;
	    teamId: string;
	    teamCreated: string;
	    empty: boolean;
	}
	export interface FolderInput {
	    path: string;
	}
	export interface WeeklyCheckDTO {
	    id: number;
	    weekStart: string;
	    substance: number;
	    mental: number;
	    note: string;
	}
	export interface WHO5DTO {
	    id: number;
	    date: string;
	    items: number[];
	    raw: number;
	    percent: number;
	    change?: number;
	    flags: string[];
	    note: string;
	}
	export interface FollowUpDTO {
	    courseId: number;
	    nextEvaluationDue: string;
	    evaluationState: string;
	    evaluations: EvaluationDTO[];
	    who5: WHO5DTO[];
	    weeklyChecks: WeeklyCheckDTO[];
	    closing?: ClosingDTO;
	    contactGap: ContactGapDTO;
	    completeness: StepStatusDTO;
	    contactFrequencies: ContactFrequencyDTO[];
	    frequencyNow?: ContactFrequencyDTO;
	    contactWeeks: ContactWeekDTO[];
	    caseReviews: CaseReviewDTO[];
	    lastCaseReview: string;
	    nextCaseReviewDue: string;
	    caseReviewState: string;
	}
	export interface FoundTeamInput {
	    folder: string;
	    label: string;
	}
	export interface SubGoalDTO {
	    id: number;
	    goalId: number;
	    what: string;
	    measure: string;
	    owner: string;
	    deadline: string;
	    status: string;
	    smartLacks: string[];
	}
	export interface GoalDTO {
	    id: number;
	    citizenWords: string;
	    area: string;
	    actionPlanGoal: string;
	    subGoals: SubGoalDTO[];
	}
	export interface GoalInput {
	    id: number;
	    courseId: number;
	    citizenWords: string;
	    area: string;
	    actionPlanGoal: string;
	}
	export interface HandoverExportDTO {
	    path: string;
	    courses: number;
	    cancelled: boolean;
	}
	export interface HandoverExportInput {
	    citizenId: number;
	    courseId: number;
	    passphrase: string;
	}
	export interface HandoverFileDTO {
	    path: string;
	    name: string;
	    cancelled: boolean;
	}
	export interface HousingCountDTO {
	    housing: string;
	    start: number;
	    now: number;
	}
	export interface HousingEntryDTO {
	    id: number;
	    date: string;
	    from: string;
	    housing: string;
	    note: string;
	    kind: string;
	    courseId: number;
	    correctsId: number;
	    inForce: boolean;
	    correctable: boolean;
	    recordedBy: string;
	    createdAt: string;
	    correctedBy: number;
	    withdrawn: boolean;
	    withdrawnNote: string;
	    withdrawnAt: string;
	    withdrawnBy: string;
	}
	export interface HousingHistoryDTO {
	    citizenId: number;
	    readOnly: boolean;
	    current: string;
	    since: string;
	    currentNote: string;
	    entries: HousingEntryDTO[];
	}
	export interface HousingInput {
	    citizenId: number;
	    date: string;
	    housing: string;
	    note: string;
	    correctsId: number;
	}
	export interface HousingKeptDTO {
	    months: number;
	    eligible: number;
	    kept: number;
	}
	export interface HousingRetentionDTO {
	    movedIn: number;
	    kept: HousingKeptDTO[];
	}
	export interface HousingOverviewDTO {
	    categories: HousingCountDTO[];
	    total: number;
	    ownHomeStart: number;
	    ownHomeNow: number;
	    retention: HousingRetentionDTO;
	}
	
	export interface HousingWithdrawInput {
	    citizenId: number;
	    id: number;
	    note: string;
	}
	export interface IDInput {
	    id: number;
	}
	export interface ImportCitizenDTO {
	    name: string;
	    cprMasked: string;
	    existingId: number;
	    existingName: string;
	}
	export interface ImportConflictDTO {
	    kind: string;
	    courseIndex: number;
	    blocking: boolean;
	    params: Record<string, string>;
	}
	
	export interface ImportCourseDTO {
	    index: number;
	    status: string;
	    startDate: string;
	    endDate: string;
	    workerName: string;
	    workerInitials: string;
	    suggestedWorkerId: number;
	    workerFound: boolean;
	    counts: citizenexport.CourseCounts;
	}
	export interface ImportPreviewDTO {
	    token: string;
	    fileName: string;
	    exportedAt: string;
	    source: string;
	    citizen: ImportCitizenDTO;
	    courses: ImportCourseDTO[];
	    conflicts: ImportConflictDTO[];
	    blocked: boolean;
	}
	export interface ImportResultDTO {
	    citizenId: number;
	    courseIds: number[];
	    existing: boolean;
	}
	export interface JoinRequestDTO {
	    laptop: string;
	    label: string;
	    code: string;
	    enrolled: boolean;
	}
	export interface SyncProgressDTO {
	    operation: string;
	    phase: string;
	    done: number;
	    total: number;
	}
	export interface JoinStatusDTO {
	    state: string;
	    laptopCode: string;
	    progress?: SyncProgressDTO;
	}
	export interface JoinTeamInput {
	    folder: string;
	    leadCode: string;
	    label: string;
	}
	export interface LanguageInput {
	    language: string;
	}
	export interface LaptopInput {
	    laptop: string;
	}
	
	
	export interface MeetingInput {
	    id: number;
	    courseId: number;
	    date: string;
	    participants: string;
	    purpose: string;
	    preparation: string;
	    outcome: string;
	    actions: MeetingActionDTO[];
	}
	export interface NoteWorkerDTO {
	    id: number;
	    name: string;
	}
	export interface NoteDTO {
	    id: number;
	    courseId: number;
	    occurredAt: string;
	    durationMinutes: number;
	    location: string;
	    kind: string;
	    text: string;
	    author: NoteWorkerDTO;
	    createdAt: string;
	    updatedAt: string;
	    revisionCount: number;
	    corrected: boolean;
	    correctedAt: string;
	    correctedBy: NoteWorkerDTO;
	    correctionReason: string;
	}
	export interface NoteHitDTO {
	    note: NoteDTO;
	    citizenId: number;
	    citizenName: string;
	    snippet: string;
	}
	export interface NoteInput {
	    id: number;
	    courseId: number;
	    occurredAt: string;
	    durationMinutes: number;
	    location: string;
	    kind: string;
	    text: string;
	    reason: string;
	}
	export interface NoteRevisionDTO {
	    revisionNo: number;
	    occurredAt: string;
	    durationMinutes: number;
	    location: string;
	    kind: string;
	    text: string;
	    savedBy: NoteWorkerDTO;
	    savedAt: string;
	    reason: string;
	}
	export interface NoteSearchInput {
	    query: string;
	    courseId: number;
	}
	
	
	export interface TeamMeetingDTO {
	    id: number;
	    kind: string;
	    date: string;
	    participants: string;
	    note: string;
	}
	export interface TeamRoutinesDTO {
	    meetings: TeamMeetingDTO[];
	    lastStatus: string;
	    lastSupervision: string;
	    statusMeetingLate: boolean;
	}
	export interface WHO5BucketDTO {
	    key: string;
	    from: number;
	    to: number;
	    count: number;
	}
	export interface WHO5OverviewDTO {
	    buckets: WHO5BucketDTO[];
	    improved: number;
	    stable: number;
	    worsened: number;
	    singleScore: number;
	    noScore: number;
	}
	export interface StepCountDTO {
	    step: string;
	    count: number;
	}
	export interface OverviewDTO {
	    today: string;
	    team: TeamDTO;
	    openCourses: number;
	    capacity: number;
	    contactGapLimit: number;
	    caseloads: CaseloadDTO[];
	    steps: StepCountDTO[];
	    evaluations: EvaluationDueDTO[];
	    contactGaps: ContactGapRowDTO[];
	    unsigned: CourseRefDTO[];
	    housing: HousingOverviewDTO;
	    who5: WHO5OverviewDTO;
	    fidelity: CourseFidelityDTO[];
	    fidelityTotals: RuleTotalDTO[];
	    contactIntensity: ContactIntensityRowDTO[];
	    caseReviews: CaseReviewDueDTO[];
	    routines: TeamRoutinesDTO;
	}
	export interface PlanDTO {
	    courseId: number;
	    goals: GoalDTO[];
	    activities: ActivityDTO[];
	    completeness: StepStatusDTO;
	}
	export interface PlanVersionRefDTO {
	    id: number;
	    versionNo: number;
	    citizenDate: string;
	}
	export interface PlanDiffDTO {
	    courseId: number;
	    from: PlanVersionRefDTO;
	    to: PlanVersionRefDTO;
	    changes: plandoc.Change[];
	}
	export interface PlanVersionSummaryDTO {
	    id: number;
	    courseId: number;
	    versionNo: number;
	    signedAt: string;
	    citizenName: string;
	    citizenDate: string;
	    method: string;
	    workerId: number;
	    workerName: string;
	    workerDate: string;
	    leadId: number;
	    leadName: string;
	    leadDate: string;
	    citizenComment: string;
	}
	export interface PlanVersionDTO {
	    summary: PlanVersionSummaryDTO;
	    signed: boolean;
	    plan: plandoc.Plan;
	}
	
	
	export interface PreviewImportInput {
	    path: string;
	    passphrase: string;
	}
	export interface ResolveConflictInput {
	    id: number;
	    choice: string;
	    text: string;
	}
	export interface RestoreFileDTO {
	    name: string;
	    created: string;
	    cancelled: boolean;
	}
	
	export interface RestoreInput {
	    passphrase: string;
	}
	
	export interface RewrittenPairDTO {
	    number: number;
	    held: AuditEntryDTO;
	    rewritten: AuditEntryDTO;
	}
	
	
	export interface SaveBackupInput {
	    passphrase: string;
	}
	export interface SaveBackupResultDTO {
	    path: string;
	    cancelled: boolean;
	    bytes: number;
	    citizens: number;
	}
	export interface SaveTopicInput {
	    courseId: number;
	    topic: string;
	    citizenView: string;
	    workerView: string;
	    resources: string;
	    needs: string;
	    barriers: string;
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
	    leadUsername: string;
	    leadPassword: string;
	}
	export interface SignInInput {
	    username: string;
	    password: string;
	}
	export interface SignPlanInput {
	    courseId: number;
	    citizenName: string;
	    citizenDate: string;
	    method: string;
	    workerDate: string;
	    leadApproval: boolean;
	    leadDate: string;
	    citizenComment: string;
	}
	export interface SignTemplateInput {
	    date: string;
	    note: string;
	}
	
	
	
	export interface SubGoalInput {
	    id: number;
	    courseId: number;
	    goalId: number;
	    what: string;
	    measure: string;
	    owner: string;
	    deadline: string;
	    status: string;
	}
	export interface SyncProblemDTO {
	    code: string;
	    params: Record<string, string>;
	}
	
	export interface TeamChainDTO {
	    laptop: string;
	    computer: string;
	    entries: number;
	    first: number;
	    last: number;
	    lastAt: string;
	    ok: boolean;
	    broken: number[];
	    rewritten: number[];
	}
	export interface TeamAuditDTO {
	    inTeam: boolean;
	    ok: boolean;
	    chains: TeamChainDTO[];
	}
	
	export interface TeamCodesDTO {
	    laptopCode: string;
	    teamCode: string;
	}
	
	export interface TeamLaptopDTO {
	    laptop: string;
	    label: string;
	    workerId: number;
	    workerName: string;
	    lead: boolean;
	    revoked: boolean;
	    this: boolean;
	    lastSeen: string;
	}
	export interface TeamFolderStatusDTO {
	    state: string;
	    folder: string;
	    lastSync: string;
	    pending: number;
	    laptopCode: string;
	    teamCode: string;
	    lead: boolean;
	    laptops: TeamLaptopDTO[];
	    problems: SyncProblemDTO[];
	    progress?: SyncProgressDTO;
	}
	
	
	export interface TeamMeetingInput {
	    id: number;
	    kind: string;
	    date: string;
	    participants: string;
	    note: string;
	}
	export interface TeamOverviewDTO {
	    team: TeamDTO;
	    caseloads: CaseloadDTO[];
	    open: number;
	    capacity: number;
	}
	
	export interface TeamSettingsDTO {
	    contactGapDays: number;
	    colleagueAccess: string;
	    lockMinutes: number;
	}
	export interface TemplateCompletenessDTO {
	    agreed: number;
	    total: number;
	}
	export interface TemplateVersionSummaryDTO {
	    id: number;
	    versionNo: number;
	    leadId: number;
	    leadName: string;
	    date: string;
	    signedAt: string;
	    note: string;
	    agreed: number;
	    total: number;
	}
	export interface TemplateElementDTO {
	    element: string;
	    answer: string;
	    status: string;
	    updatedAt: string;
	}
	export interface TemplateDTO {
	    elements: TemplateElementDTO[];
	    completeness: TemplateCompletenessDTO;
	    versions: TemplateVersionSummaryDTO[];
	}
	
	export interface TemplateElementInput {
	    element: string;
	    answer: string;
	    status: string;
	}
	export interface TemplateVersionDTO {
	    summary: TemplateVersionSummaryDTO;
	    elements: TemplateElementDTO[];
	}
	
	
	export interface UnlockInput {
	    password: string;
	}
	export interface UpdateCourseInput {
	    id: number;
	    workerId: number;
	    startDate: string;
	    status: string;
	    endDate: string;
	    overrideReason: string;
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
	    topics: string[];
	    lifeAreas: string[];
	    subGoalStatuses: string[];
	    contactKinds: string[];
	    advocacyStatuses: string[];
	    noteLocations: string[];
	    noteKinds: string[];
	    closingReasons: string[];
	    afterSupports: string[];
	    signMethods: string[];
	}
	
	
	export interface WHO5Input {
	    courseId: number;
	    date: string;
	    items: number[];
	    note: string;
	}
	
	
	export interface WeeklyCheckInput {
	    courseId: number;
	    week: string;
	    substance: number;
	    mental: number;
	    note: string;
	}
	export interface WhileAwayDTO {
	    periods: AwayPeriodDTO[];
	    items: AwayItemDTO[];
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

