package service

import (
	"icm/backend/domain"
)

// Version is the app's version; the build may override it with -ldflags.
var Version = "0.1.0"

// AppStatusDTO tells the UI at start whether the database is usable and what to show first.
type AppStatusDTO struct {
	Ready         bool              `json:"ready"`
	ErrorCode     string            `json:"errorCode"`
	ErrorParams   map[string]string `json:"errorParams"`
	DatabasePath  string            `json:"databasePath"`
	SchemaVersion int               `json:"schemaVersion"`
	Version       string            `json:"version"`
	HasTeam       bool              `json:"hasTeam"`
	Language      string            `json:"language"`
}

// LanguageInput picks the UI language.
type LanguageInput struct {
	Language string `json:"language"`
}

// AppService reports the app's state and holds installation settings.
type AppService struct {
	base
	startErr error
	dbPath   string
}

// NewAppService builds the service; startErr is why the database could not be opened.
func NewAppService(d Deps, dbPath string, startErr error) *AppService {
	return &AppService{base: base{d}, startErr: startErr, dbPath: dbPath}
}

// Status is the first call the UI makes.
func (s *AppService) Status() (AppStatusDTO, error) {
	out := AppStatusDTO{DatabasePath: s.dbPath, Version: Version, Language: "da", ErrorParams: map[string]string{}}
	startErr := s.startErr
	if startErr == nil && s.deps.Store != nil {
		startErr = s.deps.Store.Damaged() // found by the check after the first screen
	}
	if startErr != nil {
		out.ErrorCode = string(domain.CodeOf(startErr))
		if de, ok := startErr.(*domain.Error); ok && de.Params != nil {
			out.ErrorParams = de.Params
		}
		return out, nil
	}
	st, err := s.open()
	if err != nil {
		return out, err
	}
	if out.SchemaVersion, err = st.SchemaVersion(s.ctx()); err != nil {
		return out, err
	}
	if out.Language, err = st.GetSetting(s.ctx(), "language", "da"); err != nil {
		return out, err
	}
	_, terr := st.GetTeam(s.ctx())
	out.HasTeam = terr == nil
	out.Ready = true
	return out, nil
}

// SetLanguage stores the UI language ("da" or "en").
func (s *AppService) SetLanguage(in LanguageInput) (AppStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AppStatusDTO{}, err
	}
	var p domain.Problems
	lang := domain.OneOf(&p, "language", in.Language, []string{"da", "en"}, true)
	if err := p.Err(); err != nil {
		return AppStatusDTO{}, err
	}
	if err := st.SetSetting(s.ctx(), "language", lang); err != nil {
		return AppStatusDTO{}, err
	}
	return s.Status()
}

// LoadDemoData fills an empty database with a fictional team and signs the demo team
// lead in; it refuses a database in use.
func (s *AppService) LoadDemoData() (AppStatusDTO, error) {
	st, err := s.open()
	if err != nil {
		return AppStatusDTO{}, err
	}
	if err := LoadDemo(s.ctx(), st, s.now()); err != nil {
		return AppStatusDTO{}, err
	}
	if s.deps.Session != nil {
		c, err := st.CredentialByUsername(s.ctx(), DemoUsernames[0])
		if err != nil {
			return AppStatusDTO{}, err
		}
		w, err := st.GetWorker(s.ctx(), c.WorkerID)
		if err != nil {
			return AppStatusDTO{}, err
		}
		a := Actor{WorkerID: w.ID, Name: w.Name, Initials: w.Initials, Role: domain.Role(w.Role)}
		s.deps.Session.signIn(a, s.now(), lockMinutes(s.ctx(), st))
		if err := s.audit(st, a, AuditSignIn, "", 0, 0, "demo data loaded"); err != nil {
			return AppStatusDTO{}, err
		}
	}
	return s.Status()
}
