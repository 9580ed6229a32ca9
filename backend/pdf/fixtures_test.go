package pdf

import (
	"fmt"
	"time"

	"icm/backend/plandoc"
)

// All people, places and phone numbers below are fictional.

var printedAt = time.Date(2025, 3, 14, 9, 5, 0, 0, time.UTC)

func fullPlan(signed bool) plandoc.Plan {
	areas := []string{"Bolig", "Helbred", "Netværk og relationer", "Økonomi"}
	words := []string{
		"Jeg vil have min egen lejlighed igen og kunne betale husleje hver måned.",
		"Jeg vil sove bedre og have det godt nok til at gå til lægen, når jeg skal.",
		"Jeg vil se min datter Sofie hver anden weekend.",
		"Jeg vil ikke være bange for at åbne mine breve fra kommunen.",
	}
	statuses := []string{"Ikke startet", "I gang", "Delvist nået", "Nået", "Sat på pause"}
	owners := []string{"Søren Ærø", "Birthe (ICM)", "Jobcenter Nordby", "Borgeren selv", "Lægen"}
	var goals []plandoc.Goal
	for g := 0; g < 4; g++ {
		goal := plandoc.Goal{CitizenWords: words[g], Area: areas[g], ActionPlanGoal: fmt.Sprintf("Handleplansmål %d: stabil hverdag", g+1)}
		for s := 0; s < 5; s++ {
			goal.SubGoals = append(goal.SubGoals, plandoc.SubGoal{
				What:     fmt.Sprintf("Delmål %d.%d: ringe til boligselskabet og aftale et møde om en mindre lejlighed", g+1, s+1),
				Measure:  "Mødet er holdt og referatet ligger i journalen",
				Owner:    owners[s],
				Deadline: fmt.Sprintf("2025-%02d-15", 4+s),
				Status:   statuses[s],
			})
		}
		goals = append(goals, goal)
	}
	var network []plandoc.Contact
	kinds := []string{"Familie", "Sundhed", "Kommune", "Frivillig", "Bolig"}
	for i := 0; i < 10; i++ {
		network = append(network, plandoc.Contact{
			Kind: kinds[i%5], Name: fmt.Sprintf("Kontakt %d Østergård", i+1), Organisation: "Nordby Kommune",
			Role: "Hjælper med ansøgninger og går med til møder", Phone: fmt.Sprintf("+45 70 00 00 %02d", i),
		})
	}
	var actions []plandoc.Action
	for i := 0; i < 8; i++ {
		actions = append(actions, plandoc.Action{
			Action: fmt.Sprintf("Handling %d: sende ansøgning om boligstøtte sammen med borgeren", i+1),
			Owner:  owners[i%5], Deadline: fmt.Sprintf("2025-04-%02d", 10+i), Done: i%3 == 0,
		})
	}
	var advocacy []plandoc.AdvocacyCase
	for i := 0; i < 3; i++ {
		advocacy = append(advocacy, plandoc.AdvocacyCase{
			Barrier: "Afslag på boligstøtte uden begrundelse", Towards: "Udbetaling Danmark",
			Actions: "Klage sendt sammen med borgeren; møde aftalt", Outcome: "Afventer svar", Status: "I gang",
		})
	}
	p := plandoc.Plan{
		FormatVersion: plandoc.Version, Municipality: "Nordby Kommune", Team: "ICM-team Vest",
		Citizen: "Søren Ærø Åberg", CitizenCPR: "010190-••••", Worker: "Birthe Møller",
		CourseStart: "2024-11-01", CourseEnd: "", VersionNo: 0,
		Wishes: "Jeg drømmer om at få min egen lejlighed med altan, hvor min datter kan sove, når hun er på besøg. " +
			"Jeg vil gerne i gang med noget arbejde igen, måske på et værksted, og jeg vil have det bedre med mig selv.",
		Goals: goals,
		Activities: []plandoc.Activity{
			{What: "Ugentlig samtale med ICM-medarbejder", Frequency: "Hver tirsdag", Owner: "Birthe Møller"},
			{What: "Gåtur med frivillig fra Røde Kors", Frequency: "To gange om ugen", Owner: "Frivillig"},
			{What: "Tjek af post og regninger", Frequency: "Hver 14. dag", Owner: "Søren og Birthe"},
		},
		Network: network, Actions: actions, Advocacy: advocacy,
		NextEvaluation: "2025-06-15",
		ActionPlan141:  "Handleplanen efter § 141 er udarbejdet 10.12.2024 og sendt til borgeren. Næste opfølgning er aftalt.",
		WHO5: []plandoc.WHO5Point{
			{Date: "2024-11-05", Percent: 24}, {Date: "2024-12-10", Percent: 32}, {Date: "2025-01-14", Percent: 44},
			{Date: "2025-02-11", Percent: 40}, {Date: "2025-03-04", Percent: 56}, {Date: "2025-03-11", Percent: 64},
		},
	}
	if signed {
		p.VersionNo = 3
		p.Signature = &plandoc.Signature{
			CitizenName: "Søren Ærø Åberg", CitizenDate: "2025-03-12", Method: "Underskrevet på papir ved møde",
			WorkerName: "Birthe Møller", WorkerDate: "2025-03-12", LeadName: "Karin Lykke", LeadDate: "2025-03-13",
			CitizenComment: "Jeg er ikke enig i, at jeg skal til misbrugsbehandling nu. Det vil jeg tale om ved næste evaluering.",
			SignedAt:       "2025-03-12T14:30:00+01:00",
		}
	}
	return p
}

func fullSummary() plandoc.Summary {
	p := fullPlan(true)
	return plandoc.Summary{
		FormatVersion: plandoc.Version, Plan: p, CourseStatus: "Aktivt",
		Visitation: plandoc.Visitation{
			Date: "2024-10-28", ReferredBy: "Psykiatrisk Center Nordby", DecidedBy: "Karin Lykke (teamleder)",
			Reason:   "Borgeren har mistet sin bolig og har svært ved at holde kontakt til behandlingen.",
			Criteria: []string{"Svær psykisk lidelse", "Komplekse behov på flere livsområder"},
		},
		Assessment: []plandoc.AssessmentTopic{
			{Topic: "Bolig", Text: "Bor midlertidigt hos en ven. Ønsker egen lejlighed.", UpdatedAt: "2025-01-10", UpdatedBy: "Birthe Møller"},
			{Topic: "Helbred", Text: "Sover dårligt. Har ikke egen læge i kommunen endnu.", UpdatedAt: "2025-01-12"},
		},
		Evaluations: []plandoc.Evaluation{{
			Date: "2025-02-20", DueDate: "2025-02-15",
			SubGoals: []plandoc.SubGoalReview{
				{Goal: p.Goals[0].CitizenWords, What: p.Goals[0].SubGoals[0].What, Status: "I gang", Comment: "Mødet er aftalt til marts."},
				{Goal: p.Goals[1].CitizenWords, What: p.Goals[1].SubGoals[0].What, Status: "Nået", Comment: "Har fået ny læge."},
			},
			Summary:     "Søren oplever fremgang, især med søvnen.",
			PlanChanges: "Nyt delmål om værkstedsarbejde tilføjet.",
		}},
		WHO5: p.WHO5,
		Journal: []plandoc.JournalNote{
			{Date: "2025-03-04T10:15:00+01:00", Author: "Birthe Møller", Kind: "Samtale", Text: "Gennemgik breve fra kommunen sammen."},
			{Date: "2025-03-06", Author: "Karin Lykke", Kind: "Telefon", Text: "Søren ringede om lægetiden; den er flyttet til fredag.",
				CorrectedOn: "2025-03-07", CorrectedBy: "Birthe Møller"},
		},
	}
}

func sampleEvaluation() plandoc.EvaluationDoc {
	s := fullSummary()
	return plandoc.EvaluationDoc{FormatVersion: plandoc.Version, Course: s.Plan.Header(), Evaluation: s.Evaluations[0]}
}
