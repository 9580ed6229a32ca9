package store

import "gorm.io/gorm"

// Gorm is the database handle for the team folder engine, which reads and writes the sync
// tables in its own transactions (backend/teamsync).
func (s *Store) Gorm() *gorm.DB { return s.db }
