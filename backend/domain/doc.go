// Package domain holds the ICM vocabulary and its rules: the method's steps, the enums the
// screens choose from, validation of user input and the caseload rule. It knows nothing of
// GORM or Wails, so every rule here is tested without a database.
//
// Glossary (Danish method term -> code name):
//
//	målgruppe og visitation -> Visitation (step "visitation")
//	udredning               -> Assessment (step "assessment")
//	planlægning             -> Planning (step "planning")
//	koordinering            -> Coordination (step "coordination")
//	fortalerrolle           -> Advocacy (step "advocacy")
//	opfølgning              -> FollowUp (step "followup")
//	ICM-medarbejder         -> Worker with role RoleICMWorker
//	teamleder               -> Worker with role RoleTeamLead
//	forløb                  -> Course
//	borger                  -> Citizen
//	årsværk / fuldtidsstilling -> FTE
//	§ 141-handleplan        -> ActionPlan141
//	underskrevet planversion -> PlanVersion (a signed, unchangeable snapshot of the plan)
//	underskriftsform        -> SignMethod
package domain
