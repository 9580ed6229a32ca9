package service

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"icm/backend/citizenexport"
	"icm/backend/domain"
	"icm/backend/pdf"
)

// Danish words for the codes the access request shows that the plan and summary labels
// do not cover; they match the UI's texts.
var accessWords = map[string]map[string]string{
	"housing": {"street": "Gadesovende", "shelter": "Herberg eller forsorgshjem (§ 110)",
		"sofa": "Midlertidigt hos familie eller venner", "temporary": "Akut- eller midlertidig bolig",
		"institution": "Institution, behandling, hospital eller fængsel", "own_at_risk": "Egen bolig – risiko for at miste den",
		"own": "Egen bolig – stabil", "other": "Andet"},
	"consent":     {"yes": "Ja", "pending": "Ikke endnu / overvejer", "no": "Nej"},
	"consentForm": {"oral": "Mundtligt", "written": "Skriftligt"},
	"location": {"home": "Borgerens hjem", "street": "Gaden / nærmiljøet", "shelter": "Herberg, forsorgshjem eller værested",
		"office": "Kontoret", "phone": "Telefon eller video", "other": "Andet sted"},
}

func accessWord(group, v string) string {
	if s, ok := accessWords[group][v]; ok {
		return s
	}
	return v
}

// day is an ISO date as dd.mm.åååå ("" stays "").
func accessDay(iso string) string {
	if t, err := time.Parse(domain.DateLayout, iso); err == nil {
		return t.Format("02.01.2006")
	}
	return iso
}

// moment is an RFC 3339 time as local dd.mm.åååå tt:mm.
func accessMoment(s string) string {
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return t.Local().Format("02.01.2006 15:04")
	}
	return s
}

func accessYesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

type accessFieldList []pdf.AccessField

func (f *accessFieldList) add(label, value string) {
	*f = append(*f, pdf.AccessField{Label: label, Value: value})
}

// accessReport puts a document into the Danish words of the access request's PDF.
func accessReport(doc *citizenexport.Document) pdf.AccessReport {
	c := doc.Citizen
	r := pdf.AccessReport{Municipality: doc.Source.Municipality, Team: doc.Source.Team, Citizen: c.Name,
		Intro: []string{
			"Dette er svar på din anmodning om indsigt (databeskyttelsesforordningens artikel 15). Her står alle de " +
				"oplysninger, " + strings.Join(joinable(doc.Source.Team, doc.Source.Municipality), " i ") +
				" har registreret om dig i ICM-programmet: dine personoplysninger, hvert ICM-forløb med alle metodens " +
				"seks trin, journalnotater og underskrevne planer, og en log over, hvem der har brugt oplysningerne.",
			"De samme oplysninger udleveres også som en fil i et åbent, maskinlæsbart format (JSON).",
		}}
	var p accessFieldList
	p.add("Navn", c.Name)
	p.add("CPR-nummer", c.CPR)
	p.add("Telefon", c.Phone)
	p.add("E-mail", c.Email)
	p.add("Adresse eller opholdssted", c.Address)
	p.add("Sådan får vi fat i dig", c.ContactNote)
	p.add("Boligsituation", accessWord("housing", c.Housing))
	p.add("Bemærkning om boligen", c.HousingNote)
	p.add("Boligforløb", accessHousing(c.HousingHistory))
	p.add("Registreret", accessMoment(c.CreatedAt))
	p.add("Senest ændret", accessMoment(c.UpdatedAt))
	r.Personal = p
	for i := range doc.Courses {
		r.Courses = append(r.Courses, accessCourse(&doc.Courses[i]))
	}
	for _, e := range doc.AuditLog {
		at := e.At
		if t, err := time.Parse(time.RFC3339Nano, e.At); err == nil {
			at = t.Local().Format("02.01.2006 15:04:05")
		}
		r.Audit = append(r.Audit, pdf.AuditLine{At: at, Worker: e.WorkerName, Action: e.Action, Object: e.Object, Detail: e.Detail})
	}
	return r
}

func joinable(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func accessCourse(c *citizenexport.Course) pdf.AccessCourse {
	end := accessDay(c.EndDate)
	if end == "" {
		end = "igangværende"
	}
	out := pdf.AccessCourse{Title: "Forløb " + accessDay(c.StartDate) + " – " + end}
	var f accessFieldList
	f.add("Status", sl("status", c.Status))
	f.add("ICM-medarbejder", c.Worker.Name)
	f.add("Startdato", accessDay(c.StartDate))
	f.add("Slutdato", accessDay(c.EndDate))
	if o := c.Override; o != nil {
		f.add("Undtagelse fra caseload-loftet", strings.Join(joinable(o.Reason, o.By, accessMoment(o.At)), " · "))
	}
	out.Facts = f
	out.Sections = []pdf.AccessSection{accessVisitation(c.Visitation), accessAssessment(c.Assessment), accessPlan(c.Plan),
		accessCoordination(c.Coordination), accessAdvocacy(c.Advocacy), accessFollowUp(c.FollowUp, subGoalWhat(c.Plan)), accessNotes(c.Notes),
		accessVersions(c.PlanVersions)}
	return out
}

const noneRecorded = "Intet registreret."

func accessVisitation(v *citizenexport.Visitation) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "1. Målgruppe og visitation", Empty: noneRecorded}
	if v == nil {
		return s
	}
	var needs []string
	for _, n := range v.Needs {
		needs = append(needs, sl("need", n))
	}
	var f accessFieldList
	f.add("Boligsituation ved start", accessWord("housing", v.HousingAtStart))
	f.add("Uddybning af boligsituationen", v.HousingNote)
	f.add("Komplekse behov", strings.Join(needs, ", "))
	f.add("Uddybning af behovene", v.NeedsNote)
	f.add("Hvorfor intensiv og langvarig støtte", v.TargetGroupReason)
	f.add("Dit eget ja til forløbet", accessWord("consent", v.Consent))
	f.add("Hvordan samtykket blev givet", accessWord("consentForm", v.ConsentForm))
	f.add("Dato for samtykke", accessDay(v.ConsentDate))
	f.add("Aftale om kontakt, hvis du ikke kan findes", v.ContactAgreement)
	f.add("Henvist af", sl("referral", v.ReferralSource))
	f.add("Henviserens navn og kontakt", v.ReferralNote)
	f.add("Visitationsdato", accessDay(v.VisitationDate))
	f.add("Hjemmel", sl("legal", v.LegalBasis))
	f.add("Bemærkning om hjemmel", v.LegalNote)
	f.add("§ 141-handleplan", label(snapshotLang, labelActionPlan, v.ActionPlan))
	f.add("Handleplanens dato", accessDay(v.ActionPlanDate))
	f.add("Myndighedssagsbehandler", v.ActionPlanCaseworker)
	f.add("Sammenhæng med handleplanen", v.ActionPlanNote)
	s.Blocks = []pdf.AccessBlock{{Fields: f, Meta: "Senest gemt " + accessMoment(v.UpdatedAt)}}
	return s
}

func accessAssessment(rows []citizenexport.AssessmentRevision) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "2. Udredning (med alle tidligere versioner)", Empty: noneRecorded}
	order := func(topic string) int { return slices.Index(domain.AssessmentTopics, domain.LifeArea(topic)) }
	sorted := slices.Clone(rows)
	slices.SortStableFunc(sorted, func(a, b citizenexport.AssessmentRevision) int {
		if d := order(a.Topic) - order(b.Topic); d != 0 {
			return d
		}
		return strings.Compare(b.RevisionDate, a.RevisionDate) // newest first within a topic
	})
	for _, r := range sorted {
		var f accessFieldList
		f.add("Din oplevelse", r.CitizenView)
		f.add("Medarbejderens iagttagelser", r.WorkerView)
		f.add("Ressourcer", r.Resources)
		f.add("Behov", r.Needs)
		f.add("Barrierer", r.Barriers)
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: label(snapshotLang, labelLifeArea, r.Topic),
			Meta: "Version fra " + accessDay(r.RevisionDate), Fields: f})
	}
	return s
}

func accessPlan(p citizenexport.Plan) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "3. Planlægning: mål, delmål og aktiviteter", Empty: noneRecorded}
	what := map[uint]string{}
	for i, g := range p.Goals {
		var f accessFieldList
		f.add("Livsområde", label(snapshotLang, labelLifeArea, g.Area))
		f.add("Mål i § 141-handleplanen", g.ActionPlanGoal)
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Delmål", Width: 34}, {Title: "Måles ved", Width: 24},
			{Title: "Hvem", Width: 16}, {Title: "Senest", Width: 12, Fit: "28.05.2025"}, {Title: "Status", Width: 14}}}
		for _, sg := range g.SubGoals {
			what[sg.ID] = sg.What
			t.Rows = append(t.Rows, []string{sg.What, sg.Measure, sg.Owner, accessDay(sg.Deadline),
				label(snapshotLang, labelSubGoalStatus, sg.Status)})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Mål " + strconv.Itoa(i+1) + ": " + g.CitizenWords,
			Meta: "Skrevet " + accessMoment(g.CreatedAt), Fields: f, Table: t})
	}
	if len(p.Activities) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Aktivitet", Width: 35}, {Title: "Hvor ofte", Width: 18},
			{Title: "Hvem", Width: 17}, {Title: "Hører til delmål", Width: 30}}}
		for _, a := range p.Activities {
			t.Rows = append(t.Rows, []string{a.What, a.Frequency, a.Owner, what[a.SubGoalID]})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Aktivitetsplan", Table: t})
	}
	return s
}

func accessCoordination(c citizenexport.Coordination) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "4. Koordinering: netværk og møder", Empty: noneRecorded}
	if len(c.Network) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Type", Width: 16}, {Title: "Navn / organisation", Width: 22},
			{Title: "Telefon / e-mail", Width: 20}, {Title: "Hvad de gør", Width: 22}, {Title: "Senest kontakt", Width: 12, Fit: "28.05.2025"},
			{Title: "Aktiv", Width: 8}}}
		for _, k := range c.Network {
			t.Rows = append(t.Rows, []string{label(snapshotLang, labelContactKind, k.Kind),
				strings.Join(joinable(k.Name, k.Organisation), ", "), strings.Join(joinable(k.Phone, k.Email), ", "),
				k.Role, accessDay(k.LastContact), accessYesNo(k.Active)})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Netværk og samarbejdspartnere", Table: t})
	}
	for _, m := range c.Meetings {
		var f accessFieldList
		f.add("Deltagere", m.Participants)
		f.add("Formål", m.Purpose)
		f.add("Forberedelse", m.Preparation)
		f.add("Resultat", m.Outcome)
		b := pdf.AccessBlock{Title: "Møde " + accessDay(m.Date), Fields: f}
		if len(m.Actions) > 0 {
			b.Table = &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Aftalt handling", Width: 50}, {Title: "Hvem", Width: 22},
				{Title: "Senest", Width: 14, Fit: "28.05.2025"}, {Title: "Udført", Width: 14}}}
			for _, a := range m.Actions {
				b.Table.Rows = append(b.Table.Rows, []string{a.Action, a.Owner, accessDay(a.Deadline), accessYesNo(a.Done)})
			}
		}
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

func accessAdvocacy(cases []citizenexport.AdvocacyCase) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "5. Fortalerrolle: barrierer og hvad der er gjort", Empty: noneRecorded}
	for _, a := range cases {
		var f accessFieldList
		f.add("Over for hvem", a.Towards)
		f.add("Hvad er gjort", a.Actions)
		f.add("Dine rettigheder", a.Rights)
		f.add("Resultat", a.Outcome)
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: a.Barrier,
			Meta: "Taget op " + accessDay(a.Opened) + " · " + label(snapshotLang, labelAdvocacy, a.Status), Fields: f})
	}
	return s
}

// subGoalWhat maps a course's sub-goals (by their id in the file) to what they say.
func subGoalWhat(p citizenexport.Plan) map[uint]string {
	out := map[uint]string{}
	for _, g := range p.Goals {
		for _, sg := range g.SubGoals {
			out[sg.ID] = sg.What
		}
	}
	return out
}

func accessFollowUp(fu citizenexport.FollowUp, subGoals map[uint]string) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "6. Opfølgning: evalueringer, trivsel og afslutning", Empty: noneRecorded}
	for _, e := range fu.Evaluations {
		var f accessFieldList
		f.add("Opsummering", e.Summary)
		f.add("Ændringer i planen", e.PlanChanges)
		b := pdf.AccessBlock{Title: "Evaluering " + accessDay(e.Date), Meta: "Frist " + accessDay(e.DueDate), Fields: f}
		if len(e.Items) > 0 {
			b.Table = &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Delmål", Width: 40},
				{Title: "Status", Width: 20}, {Title: "Kommentar", Width: 40}}}
			for _, it := range e.Items {
				b.Table.Rows = append(b.Table.Rows, []string{subGoals[it.SubGoalID],
					label(snapshotLang, labelSubGoalStatus, it.Status), it.Comment})
			}
		}
		s.Blocks = append(s.Blocks, b)
	}
	if len(fu.WHO5) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Dato", Width: 16, Fit: "28.05.2025"},
			{Title: "Dine fem svar (0–5)", Width: 22}, {Title: "Score (0–100)", Width: 16}, {Title: "Bemærkning", Width: 46}}}
		for _, w := range fu.WHO5 {
			var answers []string
			sum := 0
			for _, v := range w.Items {
				answers = append(answers, strconv.Itoa(v))
				sum += v
			}
			t.Rows = append(t.Rows, []string{accessDay(w.Date), strings.Join(answers, " – "), strconv.Itoa(sum * 4), w.Note})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Trivsel (WHO-5)", Table: t})
	}
	if len(fu.WeeklyChecks) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Uge (mandag)", Width: 18, Fit: "28.05.2025"},
			{Title: "Rusmidler (0–4)", Width: 18}, {Title: "Psykisk (0–4)", Width: 18}, {Title: "Bemærkning", Width: 46}}}
		for _, w := range fu.WeeklyChecks {
			t.Rows = append(t.Rows, []string{accessDay(w.WeekStart), strconv.Itoa(w.Substance), strconv.Itoa(w.Mental), w.Note})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Ugentlig vurdering", Table: t})
	}
	if len(fu.ContactFrequencies) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Fra", Width: 18, Fit: "28.05.2025"},
			{Title: "Aftalt kontakt", Width: 26}, {Title: "Hvad blev aftalt", Width: 56}}}
		for _, c := range fu.ContactFrequencies {
			per := "om ugen"
			if c.Per == string(domain.PerDay) {
				per = "om dagen"
			}
			t.Rows = append(t.Rows, []string{accessDay(c.FromDate), strconv.Itoa(c.Times) + " gang(e) " + per, c.Note})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Aftalt kontakt", Table: t})
	}
	if len(fu.CaseReviews) > 0 {
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Teammøde", Width: 18, Fit: "28.05.2025"},
			{Title: "Deltagere", Width: 26}, {Title: "Hvad blev aftalt", Width: 56}}}
		for _, r := range fu.CaseReviews {
			t.Rows = append(t.Rows, []string{accessDay(r.Date), r.Participants, r.Agreed})
		}
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Sagsgennemgang på teammødet", Table: t})
	}
	if cl := fu.Closing; cl != nil {
		var f accessFieldList
		f.add("Årsag", sl("closing", cl.Reason))
		f.add("Støtte efter forløbet", sl("after", cl.AfterSupport))
		f.add("Uddybning af støtten", cl.AfterNote)
		f.add("Bolig ved afslutning", accessWord("housing", cl.HousingAtClose))
		f.add("Bemærkning", cl.Note)
		s.Blocks = append(s.Blocks, pdf.AccessBlock{Title: "Afslutning af forløbet", Fields: f})
	}
	return s
}

func accessVersions(versions []citizenexport.PlanVersion) pdf.AccessSection {
	s := pdf.AccessSection{Heading: "Underskrevne planer", Empty: "Ingen plan er underskrevet."}
	for _, v := range versions {
		var f accessFieldList
		f.add("Underskrevet af dig som", v.CitizenName)
		f.add("Din dato", accessDay(v.CitizenDate))
		f.add("Hvordan", label(snapshotLang, labelSignMethod, v.Method))
		f.add("ICM-medarbejder", strings.Join(joinable(v.WorkerName, accessDay(v.WorkerDate)), ", "))
		f.add("Godkendt af teamleder", strings.Join(joinable(v.LeadName, accessDay(v.LeadDate)), ", "))
		f.add("Dine kommentarer", v.CitizenComment)
		f.add("Dine ønsker, håb og drømme", v.Snapshot.Wishes)
		b := pdf.AccessBlock{Title: "Version " + strconv.Itoa(v.VersionNo), Meta: "Registreret " + accessMoment(v.SignedAt), Fields: f}
		t := &pdf.AccessTable{Columns: []pdf.AccessColumn{{Title: "Mål", Width: 36}, {Title: "Delmål", Width: 40},
			{Title: "Status", Width: 24}}}
		for _, g := range v.Snapshot.Goals {
			if len(g.SubGoals) == 0 {
				t.Rows = append(t.Rows, []string{g.CitizenWords, "", ""})
			}
			for _, sg := range g.SubGoals {
				t.Rows = append(t.Rows, []string{g.CitizenWords, sg.What, sg.Status})
			}
		}
		b.Table = t
		s.Blocks = append(s.Blocks, b)
	}
	return s
}

// accessHousing is the housing history as lines, oldest first: the date, the situation and
// the note, and what became of an entry that was corrected or taken back.
func accessHousing(entries []citizenexport.HousingEntry) string {
	kinds := map[string]string{"start": "ved forløbets start", "close": "ved afslutningen",
		"carried_over": "overført fra den tidligere boligsituation"}
	fate := map[uint]string{}
	for _, e := range entries {
		if e.Corrects != 0 {
			fate[e.Corrects] = map[bool]string{true: "trukket tilbage: " + e.Note, false: "rettet"}[e.Kind == "withdrawal"]
		}
	}
	var lines []string
	for _, e := range entries {
		if e.Kind == "withdrawal" {
			continue
		}
		line := accessDay(e.Date) + ": " + accessWord("housing", e.Housing)
		if k := kinds[e.Kind]; k != "" {
			line += " (" + k + ")"
		}
		if e.Note != "" {
			line += " – " + e.Note
		}
		if f := fate[e.ID]; f != "" {
			line += " [" + f + "]"
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
