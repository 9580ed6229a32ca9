package teamsync

import (
	"errors"
	"runtime"
	"sync"

	"gorm.io/gorm"

	"icm/backend/teamkeys"
)

// openedSection is one citizen's part of a batch, opened.
type openedSection struct {
	citizen string
	sec     section
	err     error // the part did not open
}

// openSections opens the citizens' parts of a batch from laptop, in the batch's order,
// skipping the citizens deleted here at the end of retention. The keys are looked up first,
// in tx; the parts are then decrypted and decoded side by side on the cores (a snapshot has
// one part per citizen). keyErr is the first key that could not be had: the parts before it
// are returned, as a reader that went through them one by one would have met them.
func (e *Engine) openSections(tx *gorm.DB, laptop, kind string, seq uint64, parts []sealedSection) ([]openedSection, error) {
	type job struct {
		key teamkeys.DataKey
		in  sealedSection
	}
	var jobs []job
	var keyErr error
	for _, s := range parts {
		shredded, err := isShredded(tx, s.Citizen)
		if err != nil {
			return nil, err
		}
		if shredded {
			continue
		}
		key, err := e.remoteDataKey(tx, laptop, s.Citizen)
		if errors.Is(err, errShredded) {
			continue
		}
		if err != nil {
			keyErr = err
			break
		}
		jobs = append(jobs, job{key, s})
	}
	out := make([]openedSection, len(jobs))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				sec, err := openSection(j.key, sectionAD(laptop, kind, seq, j.in.Citizen), j.in.Sealed, j.in.Citizen)
				out[i] = openedSection{citizen: j.in.Citizen, sec: sec, err: err}
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	return out, keyErr
}
