package service

import (
	"strings"
	"testing"
	"time"

	"icm/backend/domain"
)

func topicOf(t *testing.T, a AssessmentDTO, topic string) TopicDTO {
	t.Helper()
	for _, tp := range a.Topics {
		if tp.Topic == topic {
			return tp
		}
	}
	t.Fatalf("topic %s not in assessment", topic)
	return TopicDTO{}
}

func TestAssessmentRevisions(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Åse Ærø")
	save := func(t *testing.T, citizenView, needs string) AssessmentDTO {
		t.Helper()
		return mustFn[AssessmentDTO](t)(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "housing",
			CitizenView: citizenView, Needs: needs}))
	}
	rows := func(t *testing.T) int {
		t.Helper()
		es, err := w.d.Store.ListAssessment(w.assess.ctx(), co.ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(es)
	}

	t.Run("first save on day 1 creates a revision", func(t *testing.T) {
		h := topicOf(t, save(t, "Vil have egen bolig", ""), "housing")
		if h.Current.RevisionDate != "2026-12-01" || h.Current.CitizenView != "Vil have egen bolig" || len(h.History) != 0 ||
			h.Current.UpdatedAt != "2026-12-01T10:00:00Z" || rows(t) != 1 {
			t.Fatalf("housing = %+v, rows %d", h, rows(t))
		}
	})
	t.Run("second save the same day refines that revision", func(t *testing.T) {
		w.clock = w.clock.Add(5 * time.Hour) // 15:00 the same day
		h := topicOf(t, save(t, "Vil have egen bolig med altan", "Boligstøtte"), "housing")
		if h.Current.RevisionDate != "2026-12-01" || h.Current.CitizenView != "Vil have egen bolig med altan" ||
			h.Current.Needs != "Boligstøtte" || len(h.History) != 0 || rows(t) != 1 {
			t.Fatalf("housing = %+v, rows %d", h, rows(t))
		}
	})
	t.Run("a change on a later day starts a new revision and keeps the old one", func(t *testing.T) {
		w.at(t, "2026-12-08")
		h := topicOf(t, save(t, "Har fået tilbudt en lejlighed", "Boligstøtte"), "housing")
		if h.Current.RevisionDate != "2026-12-08" || h.Current.CitizenView != "Har fået tilbudt en lejlighed" || rows(t) != 2 {
			t.Fatalf("current = %+v, rows %d", h.Current, rows(t))
		}
		if len(h.History) != 1 || h.History[0].RevisionDate != "2026-12-01" ||
			h.History[0].CitizenView != "Vil have egen bolig med altan" || h.History[0].Needs != "Boligstøtte" {
			t.Fatalf("history = %+v", h.History)
		}
	})
	t.Run("identical text on a later day adds no revision", func(t *testing.T) {
		w.at(t, "2026-12-15")
		h := topicOf(t, save(t, "  Har fået tilbudt en lejlighed \r\n", "Boligstøtte"), "housing") // trimmed it is the same
		if h.Current.RevisionDate != "2026-12-08" || len(h.History) != 1 || rows(t) != 2 {
			t.Fatalf("housing = %+v, rows %d", h, rows(t))
		}
	})
	t.Run("a third day gives history newest first", func(t *testing.T) {
		w.at(t, "2027-01-05")
		h := topicOf(t, save(t, "Er flyttet ind", ""), "housing")
		if len(h.History) != 2 || h.History[0].RevisionDate != "2026-12-08" || h.History[1].RevisionDate != "2026-12-01" {
			t.Fatalf("history = %+v", h.History)
		}
		got := mustFn[AssessmentDTO](t)(w.assess.GetAssessment(IDInput{ID: co.ID}))
		if g := topicOf(t, got, "housing"); g.Current.CitizenView != "Er flyttet ind" || len(g.History) != 2 {
			t.Fatalf("GetAssessment housing = %+v", g)
		}
	})
	t.Run("other topics are untouched", func(t *testing.T) {
		got := mustFn[AssessmentDTO](t)(w.assess.GetAssessment(IDInput{ID: co.ID}))
		if len(got.Topics) != 12 || got.Topics[0].Topic != "wishes" || got.Topics[1].Topic != "help_barriers" ||
			got.Topics[2].Topic != "housing" {
			t.Fatalf("topics = %+v", got.Topics)
		}
		if f := topicOf(t, got, "finances"); f.Current.RevisionDate != "" || len(f.History) != 0 {
			t.Fatalf("finances = %+v", f)
		}
	})
}

func TestAssessmentValidationAndCompleteness(t *testing.T) {
	w := newWizard(t)
	co := w.course(t, w.lead.ID, "Bjørn Ørsted")
	other := w.course(t, w.lead.ID, "Carla Holm")

	cases := []struct {
		name  string
		in    SaveTopicInput
		field string
		code  domain.Code
	}{
		{"unknown topic", SaveTopicInput{CourseID: co.ID, Topic: "hobbies", CitizenView: "x"}, "topic", domain.CodeInvalidChoice},
		{"topic in capitals", SaveTopicInput{CourseID: co.ID, Topic: "HOUSING", CitizenView: "x"}, "topic", domain.CodeInvalidChoice},
		{"no topic", SaveTopicInput{CourseID: co.ID, CitizenView: "x"}, "topic", domain.CodeRequired},
		{"too long", SaveTopicInput{CourseID: co.ID, Topic: "crime", Barriers: strings.Repeat("æ", 8001)}, "barriers", domain.CodeTooLong},
		{"control character", SaveTopicInput{CourseID: co.ID, Topic: "crime", WorkerView: "a\x07b"}, "workerView", domain.CodeInvalidCharacters},
		{"no course", SaveTopicInput{Topic: "crime", WorkerView: "x"}, "courseId", domain.CodeRequired},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := w.assess.SaveTopic(c.in)
			wantField(t, err, c.field, c.code)
		})
	}
	t.Run("8000 characters are accepted", func(t *testing.T) {
		mustFn[AssessmentDTO](t)(w.assess.SaveTopic(SaveTopicInput{CourseID: other.ID, Topic: "crime", Barriers: strings.Repeat("æ", 8000)}))
	})
	t.Run("unknown course", func(t *testing.T) {
		_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: 4242, Topic: "crime", WorkerView: "x"})
		wantCode(t, err, domain.CodeNotFound)
		_, err = w.assess.GetAssessment(IDInput{ID: 4242})
		wantCode(t, err, domain.CodeNotFound)
	})

	must := mustFn[AssessmentDTO](t)
	a := must(w.assess.GetAssessment(IDInput{ID: co.ID}))
	wantDone(t, a.Completeness, 0, 12, "topic:wishes", "topic:help_barriers", "topic:housing", "topic:finances",
		"topic:physical", "topic:mental", "topic:substance", "topic:network", "topic:daily_living", "topic:employment",
		"topic:authorities", "topic:crime")
	a = must(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "wishes", CitizenView: "Et sted at bo med min hund"}))
	if a.Completeness.Done != 1 || a.Completeness.Missing[0] != "topic:help_barriers" {
		t.Fatalf("after wishes: %+v", a.Completeness)
	}
	// Any one field with text fills the topic; only whitespace does not.
	a = must(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "crime", Resources: "Kender sin kriminalforsorg"}))
	a = must(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "mental", CitizenView: "  \n\t "}))
	if a.Completeness.Done != 2 {
		t.Fatalf("after crime and a blank mental: %+v", a.Completeness)
	}
	for _, tp := range domain.AssessmentTopics {
		a = must(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: string(tp), WorkerView: "Udfyldt"}))
	}
	wantDone(t, a.Completeness, 12, 12)
	wantDone(t, w.step(t, co.ID, "assessment"), 12, 12)
	// Clearing a topic on a later day keeps the old text as history but the topic counts as empty.
	w.at(t, "2026-12-02")
	a = must(w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "network"}))
	wantDone(t, a.Completeness, 11, 12, "topic:network")
	if n := topicOf(t, a, "network"); n.Current.RevisionDate != "2026-12-02" || len(n.History) != 1 || n.History[0].WorkerView != "Udfyldt" {
		t.Fatalf("network = %+v", n)
	}
	if s := w.step(t, other.ID, "assessment"); s.Done != 1 {
		t.Fatalf("the other course's assessment = %+v", s)
	}

	t.Run("a closed course refuses writes", func(t *testing.T) {
		closeCourse(t, w.d, co.ID, "2026-12-02")
		_, err := w.assess.SaveTopic(SaveTopicInput{CourseID: co.ID, Topic: "housing", CitizenView: "Ny tekst"})
		wantCode(t, err, domain.CodeCourseClosed)
		got := mustFn[AssessmentDTO](t)(w.assess.GetAssessment(IDInput{ID: co.ID})) // reading still works
		if h := topicOf(t, got, "housing"); h.Current.WorkerView != "Udfyldt" || h.Current.CitizenView != "" {
			t.Fatalf("housing after refused write = %+v", h)
		}
	})
}
