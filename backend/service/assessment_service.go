package service

import (
	"context"
	"icm/backend/domain"
	"icm/backend/store"
)

// RevisionDTO is one dated revision of an assessment topic.
type RevisionDTO struct {
	RevisionDate string `json:"revisionDate"`
	CitizenView  string `json:"citizenView"`
	WorkerView   string `json:"workerView"`
	Resources    string `json:"resources"`
	Needs        string `json:"needs"`
	Barriers     string `json:"barriers"`
	UpdatedAt    string `json:"updatedAt"`
}

// TopicDTO is one assessment topic: its latest revision and the earlier ones.
type TopicDTO struct {
	Topic   string        `json:"topic"`
	Current RevisionDTO   `json:"current"`
	History []RevisionDTO `json:"history"`
}

// AssessmentDTO is the whole assessment of a course.
type AssessmentDTO struct {
	CourseID     uint          `json:"courseId"`
	Topics       []TopicDTO    `json:"topics"`
	Completeness StepStatusDTO `json:"completeness"`
}

// SaveTopicInput is the text of one assessment topic as the form holds it.
type SaveTopicInput struct {
	CourseID    uint   `json:"courseId"`
	Topic       string `json:"topic"`
	CitizenView string `json:"citizenView"`
	WorkerView  string `json:"workerView"`
	Resources   string `json:"resources"`
	Needs       string `json:"needs"`
	Barriers    string `json:"barriers"`
}

// AssessmentService keeps the continuous assessment (udredning) across life areas.
type AssessmentService struct{ base }

// NewAssessmentService builds the service.
func NewAssessmentService(d Deps) *AssessmentService { return &AssessmentService{base{d}} }

// GetAssessment returns every topic with its current text and dated history.
func (s *AssessmentService) GetAssessment(in IDInput) (AssessmentDTO, error) {
	if _, err := s.viewCourse(in.ID, "assessment"); err != nil {
		return AssessmentDTO{}, err
	}
	return s.getAssessment(in)
}

func (s *AssessmentService) getAssessment(in IDInput) (AssessmentDTO, error) {
	st, err := s.ready()
	if err != nil {
		return AssessmentDTO{}, err
	}
	if _, err := st.GetCourse(s.ctx(), in.ID); err != nil {
		return AssessmentDTO{}, err
	}
	rows, err := st.ListAssessment(s.ctx(), in.ID)
	if err != nil {
		return AssessmentDTO{}, err
	}
	return assessmentDTO(in.ID, rows), nil
}

// SaveTopic stores a topic's text as today's revision. Text unchanged from the latest
// revision adds nothing; a change on a new day keeps the earlier revision as history.
func (s *AssessmentService) SaveTopic(in SaveTopicInput) (AssessmentDTO, error) {
	ch, err := s.changing(in.CourseID, "assessment", AuditChange)
	if err != nil {
		return AssessmentDTO{}, err
	}
	return s.saveTopic(ch, in)
}

func (s *AssessmentService) saveTopic(ch *change, in SaveTopicInput) (AssessmentDTO, error) {
	var p domain.Problems
	topic := domain.OneOf(&p, "topic", domain.LifeArea(in.Topic), domain.AssessmentTopics, true)
	const max = 8000
	e := store.AssessmentEntry{CourseID: in.CourseID, Topic: string(topic),
		CitizenView: domain.CleanText(&p, "citizenView", in.CitizenView, max, false),
		WorkerView:  domain.CleanText(&p, "workerView", in.WorkerView, max, false),
		Resources:   domain.CleanText(&p, "resources", in.Resources, max, false),
		Needs:       domain.CleanText(&p, "needs", in.Needs, max, false),
		Barriers:    domain.CleanText(&p, "barriers", in.Barriers, max, false)}
	if err := p.Err(); err != nil {
		return AssessmentDTO{}, err
	}
	var rows []store.AssessmentEntry
	err := ch.commit(func(_ context.Context, tx *store.Store) error {
		if _, err := writableCourse(s.ctx(), tx, in.CourseID); err != nil {
			return err
		}
		existing, err := tx.ListAssessment(s.ctx(), in.CourseID)
		if err != nil {
			return err
		}
		if latest := latestRevision(existing, e.Topic); latest == nil || !sameText(*latest, e) {
			now := s.now()
			e.RevisionDate = s.today().Format(domain.DateLayout)
			e.CreatedAt, e.UpdatedAt = now, now
			if err := tx.SaveAssessmentRevision(s.ctx(), &e); err != nil {
				return err
			}
		}
		rows, err = tx.ListAssessment(s.ctx(), in.CourseID)
		return err
	})
	if err != nil {
		return AssessmentDTO{}, err
	}
	return assessmentDTO(in.CourseID, rows), nil
}

func latestRevision(rows []store.AssessmentEntry, topic string) *store.AssessmentEntry {
	var best *store.AssessmentEntry
	for i := range rows {
		if rows[i].Topic == topic && (best == nil || rows[i].RevisionDate > best.RevisionDate) {
			best = &rows[i]
		}
	}
	return best
}

func sameText(a, b store.AssessmentEntry) bool {
	return a.CitizenView == b.CitizenView && a.WorkerView == b.WorkerView && a.Resources == b.Resources &&
		a.Needs == b.Needs && a.Barriers == b.Barriers
}

func hasText(e store.AssessmentEntry) bool {
	return e.CitizenView != "" || e.WorkerView != "" || e.Resources != "" || e.Needs != "" || e.Barriers != ""
}

func revisionDTO(e store.AssessmentEntry) RevisionDTO {
	return RevisionDTO{RevisionDate: e.RevisionDate, CitizenView: e.CitizenView, WorkerView: e.WorkerView,
		Resources: e.Resources, Needs: e.Needs, Barriers: e.Barriers, UpdatedAt: isoTime(&e.UpdatedAt)}
}

// assessmentFilled tells, per topic, whether its latest revision holds any text.
func assessmentFilled(rows []store.AssessmentEntry) map[domain.LifeArea]bool {
	out := map[domain.LifeArea]bool{}
	for _, t := range domain.AssessmentTopics {
		if l := latestRevision(rows, string(t)); l != nil && hasText(*l) {
			out[t] = true
		}
	}
	return out
}

func assessmentDTO(courseID uint, rows []store.AssessmentEntry) AssessmentDTO {
	out := AssessmentDTO{CourseID: courseID, Topics: make([]TopicDTO, 0, len(domain.AssessmentTopics))}
	for _, t := range domain.AssessmentTopics {
		td := TopicDTO{Topic: string(t), History: []RevisionDTO{}}
		first := true
		for _, r := range rows { // rows are newest first within a topic
			if r.Topic != string(t) {
				continue
			}
			if first {
				td.Current, first = revisionDTO(r), false
			} else {
				td.History = append(td.History, revisionDTO(r))
			}
		}
		out.Topics = append(out.Topics, td)
	}
	out.Completeness = completenessDTO(domain.StepAssessment, domain.AssessmentCompleteness(assessmentFilled(rows)))
	return out
}
