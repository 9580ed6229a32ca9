package service

import (
	"context"
	"fmt"
	"time"

	"icm/backend/domain"
	"icm/backend/store"
)

// demoFullCourse fills every step of one demo course, modelled loosely on the method's
// "heavy" case story: a man in his forties moving from years at a shelter into an emergency
// flat, with alcohol and drug use, ADHD, probation and no contact with his children.
// Everything here is invented.
func demoFullCourse(d Deps, courseID uint, start time.Time) error {
	day := func(n int) string { return start.AddDate(0, 0, n).Format(domain.DateLayout) }
	at := func(n int, clock string) string { return day(n) + "T" + clock }
	assess, plan, coord := NewAssessmentService(d), NewPlanningService(d), NewCoordinationService(d)
	adv, fu := NewAdvocacyService(d), NewFollowUpService(d)

	topics := []SaveTopicInput{
		{Topic: "wishes", CitizenView: "Vil have sin egen lejlighed et roligt sted, se sine to børn igen og komme i form."},
		{Topic: "help_barriers", CitizenView: "Har været smidt ud af herberget mange gange og tror, at ingen vil ham noget godt. Glemmer aftaler."},
		{Topic: "housing", CitizenView: "Glad for akutboligen, men naboerne klager over larm.", WorkerView: "Boligen holdes nogenlunde; gæster om natten giver uro.", Needs: "Støtte til at sætte grænser for gæster."},
		{Topic: "finances", CitizenView: "Pengene er væk midt i måneden.", WorkerView: "Førtidspension; gæld til inkasso.", Needs: "Budget og betalingsaftaler.", Barriers: "Uforudsete ændringer i pensionen slår ham ud."},
		{Topic: "physical", WorkerView: "Dårlige tænder, smerter i knæ.", Needs: "Tandlæge og egen læge."},
		{Topic: "mental", CitizenView: "Har svært ved at styre sit temperament.", WorkerView: "ADHD i svær grad; råber højt, når han er presset.", Resources: "Vil gerne lære sine symptomer at kende."},
		{Topic: "substance", CitizenView: "Vil holde op med at drikke.", WorkerView: "Tidligere heroin og kokain; nu primært alkohol i perioder.", Resources: "Har været på Antabus før."},
		{Topic: "network", CitizenView: "Har to voksne børn, men ingen kontakt.", Resources: "En søster, han taler med en gang imellem."},
		{Topic: "daily_living", WorkerView: "Kan handle og lave enkel mad; rengøring glider.", Needs: "Fast rengøringsdag."},
		{Topic: "employment", CitizenView: "Har arbejdet i mange år og savner at lave noget.", Resources: "Lang erfaring fra lager og transport."},
		{Topic: "authorities", WorkerView: "Skeptisk over for kommunen; dårlige møder tidligere.", Needs: "Bisidder ved møder."},
		{Topic: "crime", WorkerView: "Tilsyn fra kriminalforsorgen.", Needs: "Overholde tilsynsaftaler."},
	}
	for _, tpc := range topics {
		tpc.CourseID = courseID
		if _, err := assess.SaveTopic(tpc); err != nil {
			return fmt.Errorf("topic %s: %w", tpc.Topic, err)
		}
	}

	goals := []struct {
		words, area, link string
		subs              []SubGoalInput
	}{
		{"Jeg vil bo i min egen lejlighed og passe på den.", "housing", "Handleplanens mål 1: stabil bolig",
			[]SubGoalInput{
				{What: "Holde fast rengøringsdag hver tirsdag sammen med ICM-medarbejderen", Measure: "Rengøring gennemført 3 af 4 uger", Owner: "Borgeren, med støtte fra Aisha", Deadline: day(120), Status: "achieved"},
				{What: "Søge om særbolig gennem boliganvisningen", Measure: "Ansøgning sendt og svar modtaget", Owner: "Aisha og sagsbehandler", Deadline: day(240), Status: "in_progress"},
			}},
		{"Jeg vil have styr på drikkeriet og mit temperament.", "substance", "Handleplanens mål 2: behandling",
			[]SubGoalInput{
				{What: "Fortsætte med Antabus og samtaler i alkoholrådgivningen hver 14. dag", Measure: "Møder op til mindst 5 af 6 samtaler", Owner: "Borgeren; Aisha deltager", Deadline: day(260), Status: "in_progress"},
				{What: "Gå på ADHD-skole i kommunens psykiatri", Measure: "Gennemført forløbet", Owner: "Borgeren", Deadline: day(300), Status: "not_started"},
			}},
		{"Jeg vil gerne se mine børn igen.", "network", "",
			[]SubGoalInput{
				{What: "Skrive et brev til sønnen med hjælp fra ICM-medarbejderen", Measure: "Brevet er sendt", Owner: "Borgeren og Aisha", Deadline: day(100), Status: "achieved"},
			}},
	}
	for _, g := range goals {
		p, err := plan.SaveGoal(GoalInput{CourseID: courseID, CitizenWords: g.words, Area: g.area, ActionPlanGoal: g.link})
		if err != nil {
			return err
		}
		goalID := p.Goals[len(p.Goals)-1].ID
		for _, s := range g.subs {
			s.CourseID, s.GoalID = courseID, goalID
			if _, err := plan.SaveSubGoal(s); err != nil {
				return err
			}
		}
	}
	for _, a := range []ActivityInput{
		{What: "Besøg i boligen", Frequency: "To gange om ugen, tirsdag og fredag", Owner: "Aisha"},
		{What: "Fitnesscenter", Frequency: "Mandag og torsdag", Owner: "Borgeren"},
		{What: "Gennemgang af post og regninger", Frequency: "Hver fredag", Owner: "Borgeren og Aisha"},
	} {
		a.CourseID = courseID
		if _, err := plan.SaveActivity(a); err != nil {
			return err
		}
	}

	for _, c := range []ContactInput{
		{Kind: "caseworker", Name: "Lone Bech", Organisation: "Solvang Kommune, Voksenteamet", Role: "Myndighed for § 85 og § 141-handleplan", Phone: "72 00 00 01", LastContact: day(170)},
		{Kind: "addiction", Name: "Per Holt", Organisation: "Alkoholrådgivningen", Role: "Samtaler hver 14. dag og Antabus", LastContact: day(185)},
		{Kind: "shelter", Organisation: "Herberget Lyset", Role: "Kender borgeren gennem to år; kollega dækker ved ferie"},
		{Kind: "probation", Name: "Ib Dahl", Organisation: "Kriminalforsorgen", Role: "Tilsyn", LastContact: day(150)},
		{Kind: "other", Organisation: "Apoteket i Solvang", Role: "Doserer medicin"},
		{Kind: "family", Name: "Søster", Role: "Ringer af og til; må kontaktes, hvis borgeren forsvinder"},
	} {
		c.CourseID, c.Active = courseID, true
		if _, err := coord.SaveContact(c); err != nil {
			return err
		}
	}
	if _, err := coord.SaveMeeting(MeetingInput{CourseID: courseID, Date: day(30),
		Participants: "Borgeren, Lone Bech (sagsbehandler), Per Holt (alkoholrådgivningen), Aisha", Purpose: "Fælles plan for de næste tre måneder",
		Preparation: "Gennemgik dagen før, hvad han gerne vil sige, og aftalte en pause, hvis det bliver for meget.",
		Outcome:     "Enighed om Antabus, rengøringsdag og ansøgning om særbolig.",
		Actions: []MeetingActionDTO{{Action: "Sende ansøgning om særbolig", Owner: "Lone Bech", Deadline: day(60), Done: true},
			{Action: "Booke tandlæge", Owner: "Aisha", Deadline: day(45), Done: true}}}); err != nil {
		return err
	}

	if _, err := adv.SaveCase(AdvocacyCaseInput{CourseID: courseID, Opened: day(40), Barrier: "Pensionsafdelingen ville kun tale med ham ved personligt fremmøde inden for åbningstiden.",
		Towards: "Pensionsafdelingen", Actions: "Skrev med borgeren og bad om et telefonmøde med bisidder.", Rights: "Ret til partsrepræsentation og bisidder (forvaltningsloven § 8).",
		Outcome: "Telefonmøde holdt; økonomien er gennemgået.", Status: "resolved"}); err != nil {
		return err
	}

	for i, items := range [][]int{{1, 1, 2, 1, 1}, {2, 2, 3, 2, 2}, {3, 3, 3, 3, 4}} {
		if _, err := fu.SaveWHO5(WHO5Input{CourseID: courseID, Date: day(5 + i*85), Items: items}); err != nil {
			return err
		}
	}
	p, err := plan.GetPlan(IDInput{ID: courseID})
	if err != nil {
		return err
	}
	for i, evalDay := range []int{88, 178} {
		in := EvaluationInput{CourseID: courseID, Date: day(evalDay),
			Summary:     []string{"Svær start med tilbagefald efter en ændring i pensionen; rengøringsdagen fungerer.", "Længere perioder uden druk; brevet til sønnen er sendt, og de har mødtes."}[i],
			PlanChanges: []string{"Ansøgning om særbolig sat i gang.", "ADHD-skolen rykkes frem; fitness tilføjet som aktivitet."}[i]}
		for _, g := range p.Goals {
			for _, s := range g.SubGoals {
				in.Items = append(in.Items, EvaluationItemInput{SubGoalID: s.ID, Status: s.Status})
			}
		}
		if _, err := fu.SaveEvaluation(in); err != nil {
			return err
		}
	}
	for i, r := range [][2]int{{2, 2}, {1, 2}, {1, 1}} {
		if _, err := fu.SaveWeeklyCheck(WeeklyCheckInput{CourseID: courseID, Week: day(180 + i*7), Substance: r[0], Mental: r[1]}); err != nil {
			return err
		}
	}
	// As in the case story: daily contact in the emergency flat at first, later twice a week;
	// and the course discussed at the team meeting about every four months.
	for _, f := range []ContactFrequencyInput{
		{FromDate: day(0), Times: 1, Per: string(domain.PerDay), Note: "Vi ses dagligt den første tid i akutboligen."},
		{FromDate: day(90), Times: 2, Per: string(domain.PerWeek), Note: "To besøg om ugen, rengøringsdag om tirsdagen."},
	} {
		f.CourseID = courseID
		if _, err := fu.SaveContactFrequency(f); err != nil {
			return err
		}
	}
	for _, r := range []CaseReviewInput{
		{Date: day(100), Participants: "Hele teamet", Agreed: "Hold fast i to besøg om ugen; søg særbolig sammen med sagsbehandleren."},
		{Date: day(190), Participants: "Hele teamet", Agreed: "ADHD-skolen rykkes frem; tal med ham om kontakten til børnene."},
	} {
		r.CourseID = courseID
		if _, err := fu.SaveCaseReview(r); err != nil {
			return err
		}
	}
	// The journal is written by the course's worker, except one visit by the team lead, who
	// covered that day and afterwards corrected the time of the note.
	own, colleague, err := demoNoteWriters(d, courseID)
	if err != nil {
		return err
	}
	for i, n := range []NoteInput{
		{OccurredAt: at(1, "10:00"), DurationMinutes: 90, Location: "home", Kind: "visit", Text: "Første dag i akutboligen. Vi lavede en samarbejdsaftale: vi ses dagligt den første tid, og vi siger tingene ligeud."},
		{OccurredAt: at(30, "13:00"), DurationMinutes: 75, Location: "office", Kind: "meeting", Text: "Fællesmøde med sagsbehandler og alkoholrådgivning. Han holdt sig rolig og sagde selv, hvad han ønskede."},
		{OccurredAt: at(62, "09:15"), DurationMinutes: 0, Location: "home", Kind: "attempt", Text: "Ingen åbnede. Lagde en seddel og ringede til søsteren efter aftalen."},
		{OccurredAt: at(63, "11:30"), DurationMinutes: 60, Location: "street", Kind: "visit", Text: "Fandt ham ved torvet. Har drukket i tre dage efter brev om pension; sover dårligt. Aftalte besøg i morgen."},
		{OccurredAt: at(190, "10:00"), DurationMinutes: 45, Location: "home", Kind: "visit", Text: "Rengøringsdag. Han fortalte stolt om mødet med sønnen. Søvnen er bedre."},
	} {
		n.CourseID = courseID
		writer := own
		if i == 3 {
			writer = colleague
		}
		saved, err := writer.SaveNote(n)
		if err != nil {
			return err
		}
		if i == 3 {
			n.ID, n.OccurredAt, n.Reason = saved.ID, at(63, "14:30"), "Forkert klokkeslæt"
			if _, err := writer.SaveNote(n); err != nil {
				return err
			}
		}
	}
	return nil
}

// demoNoteWriters are the note services of the course's worker and of a colleague who may
// write on the course: a team lead (the worker themself when they are the only one).
func demoNoteWriters(d Deps, courseID uint) (own, colleague *NoteService, err error) {
	ctx := context.Background()
	co, err := d.Store.GetCourse(ctx, courseID)
	if err != nil {
		return nil, nil, err
	}
	workers, err := d.Store.ListWorkers(ctx, store.FindWorker{})
	if err != nil {
		return nil, nil, err
	}
	as := func(w store.Worker) *NoteService {
		wd := d
		wd.As = &Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
		return NewNoteService(wd)
	}
	for _, w := range workers {
		if w.ID == co.WorkerID {
			own = as(w)
		} else if colleague == nil && w.Role == string(domain.RoleTeamLead) {
			colleague = as(w)
		}
	}
	if own == nil {
		return nil, nil, domain.E(domain.CodeInternal, "the demo course has no worker")
	}
	if colleague == nil { // the course's worker is the only team lead
		colleague = own
	}
	return own, colleague, nil
}
