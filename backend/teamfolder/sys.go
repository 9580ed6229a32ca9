package teamfolder

import (
	"errors"
	"syscall"
)

// isUnsupported reports an fsync a file system does not offer (CIFS, some FUSE and FAT
// mounts answer EINVAL or ENOTSUP for a folder).
func isUnsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, syscall.EINVAL) ||
		errors.Is(err, syscall.ENOTSUP)
}
