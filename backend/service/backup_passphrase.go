package service

import (
	"errors"

	"icm/backend/crypt"
	"icm/backend/domain"
)

// passphraseProblem reports a passphrase too weak to seal a file with (see
// crypt.CheckPassphrase) as a field error of the form.
func passphraseProblem(passphrase string) error {
	err := crypt.CheckPassphrase(passphrase)
	var de *domain.Error
	if err == nil || !errors.As(err, &de) {
		return err
	}
	var p domain.Problems
	var kv []string
	for k, v := range de.Params {
		kv = append(kv, k, v)
	}
	p.Add("passphrase", de.Code, kv...)
	return p.Err()
}
