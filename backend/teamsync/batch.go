package teamsync

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"

	"icm/backend/syncstore"
	"icm/backend/teamkeys"
)

// batchFormat is the version of a batch's and a snapshot's content (inside the envelope).
const batchFormat = 1

// maxPayload bounds what a decompressed batch, snapshot or citizen's part may grow to: a
// ten-year snapshot's content is under a tenth of it, and a laptop of the team cannot make
// the others read gigabytes into memory with a small compressed file.
const maxPayload = 512 << 20

// A batch is what one laptop publishes at a time, or a snapshot of a lead laptop's whole
// state. Team-level changes come first and travel under the team key only; each citizen's
// changes and audit entries are sealed with that citizen's data key from this laptop.
type batch struct {
	Format int `json:"format"`
	// Deps is, for every other laptop, the highest batch applied here when this was written:
	// a reader applies this only after those.
	Deps map[string]uint64 `json:"deps"`
	// Snapshot: the batches of this laptop it covers are 1..Seq of its header.
	Team     []syncstore.Change `json:"team,omitempty"`
	Audit    []auditEntry       `json:"audit,omitempty"` // entries that name no citizen
	Citizens []sealedSection    `json:"citizens,omitempty"`
	// AuditHead is the last entry of the writer's audit chain when this was written: the
	// team holds every laptop's chain head outside that laptop's own file.
	AuditHead auditHead `json:"auditHead"`
	// Others, in a snapshot only: the other laptops' audit entries the writer holds.
	Others []auditEntry `json:"others,omitempty"`
	MaxHLC HLC          `json:"maxHlc"`
}

// sealedSection is one citizen's part, sealed with the writing laptop's data key for them.
type sealedSection struct {
	Citizen string `json:"citizen"`
	Sealed  []byte `json:"sealed"`
}

// section is the plain content of a sealed section.
type section struct {
	Changes []syncstore.Change `json:"changes,omitempty"`
	Audit   []auditEntry       `json:"audit,omitempty"`
}

// auditEntry is one audit log entry as it travels: references as uids.
type auditEntry struct {
	Laptop     string `json:"laptop,omitempty"` // in a snapshot: the laptop that chained it (empty: the writer)
	ID         uint   `json:"id"`
	At         string `json:"at"`
	Worker     string `json:"worker,omitempty"`
	WorkerName string `json:"workerName,omitempty"`
	Action     string `json:"action"`
	Object     string `json:"object,omitempty"`
	Citizen    string `json:"citizen,omitempty"`
	Course     string `json:"course,omitempty"`
	Detail     string `json:"detail,omitempty"`
	PrevHash   string `json:"prevHash"`
	Hash       string `json:"hash"`
}

// auditHead names the last entry of a laptop's audit chain.
type auditHead struct {
	ID   uint   `json:"id"`
	Hash string `json:"hash"`
}

// sectionAD binds a sealed section to its file and citizen, so a section cannot be moved
// into another batch or under another citizen.
func sectionAD(laptop, kind string, seq uint64, citizen string) []byte {
	return []byte("icm-section/1|" + laptop + "|" + kind + "|" + strconv.FormatUint(seq, 10) + "|" + citizen)
}

// sealSection compresses and encrypts one citizen's section (compressed first: encrypted
// bytes do not compress).
func sealSection(key teamkeys.DataKey, ad []byte, citizen string, s section) ([]byte, error) {
	s.Changes = compact(s.Changes, citizen)
	plain, err := gzipJSON(s)
	if err != nil {
		return nil, err
	}
	return teamkeys.SealData(key, plain, ad), nil
}

// openSection decrypts one citizen's section.
func openSection(key teamkeys.DataKey, ad, sealed []byte, citizen string) (section, error) {
	plain, err := teamkeys.OpenData(key, sealed, ad)
	if err != nil {
		return section{}, err
	}
	var s section
	if err := gunzipJSON(plain, &s); err != nil {
		return section{}, err
	}
	s.Changes = expand(s.Changes, citizen)
	return s, nil
}

// compact shortens changes for the wire: one stamp for a change whose columns share it
// (the usual case: a batch stamps all its changes alike), no empty bases, and no citizen
// where the section already names it.
func compact(cs []syncstore.Change, citizen string) []syncstore.Change {
	out := make([]syncstore.Change, len(cs))
	for i, c := range cs {
		same := ""
		for _, h := range c.HLC {
			if same == "" {
				same = h
			} else if h != same {
				same = ""
				break
			}
		}
		if same != "" {
			c.HLC = map[string]string{sameStamp: same}
		}
		var base map[string]string
		for col, b := range c.Base {
			if b != "" {
				if base == nil {
					base = map[string]string{}
				}
				base[col] = b
			}
		}
		c.Base = base
		if c.Citizen == citizen {
			c.Citizen = ""
		}
		out[i] = c
	}
	return out
}

// sameStamp is the HLC key of a compacted change whose columns all share one stamp.
const sameStamp = "*"

// expand undoes compact.
func expand(cs []syncstore.Change, citizen string) []syncstore.Change {
	fixNumbers(cs)
	for i := range cs {
		c := &cs[i]
		if h, ok := c.HLC[sameStamp]; ok && len(c.HLC) == 1 {
			c.HLC = make(map[string]string, len(c.Cols)+1)
			for col := range c.Cols {
				c.HLC[col] = h
			}
			if c.Op == syncstore.OpDel {
				c.HLC[""] = h
			}
		}
		if c.Citizen == "" {
			c.Citizen = citizen
		}
	}
	return cs
}

// gzipJSON encodes v as compressed JSON.
func gzipJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := json.NewEncoder(zw).Encode(v); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// gunzipJSON decodes compressed JSON, refusing more than maxPayload bytes of it.
func gunzipJSON(data []byte, v any) error {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return err
	}
	plain, err := io.ReadAll(io.LimitReader(zr, maxPayload+1))
	if err != nil {
		return err
	}
	if len(plain) > maxPayload {
		return errors.New("content too large")
	}
	return decodeJSON(plain, v)
}

// encodeBatch compresses a batch for the envelope.
func encodeBatch(b *batch) ([]byte, error) {
	b.Format = batchFormat
	b.Team = compact(b.Team, "")
	return gzipJSON(b)
}

// errFormat is a verified file whose content this version cannot read (a newer app wrote it).
var errFormat = errors.New("batch content of an unknown format")

// decodeBatch reads a batch back.
func decodeBatch(data []byte) (*batch, error) {
	var b batch
	if err := gunzipJSON(data, &b); err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	if b.Format != batchFormat {
		return nil, errFormat
	}
	b.Team = expand(b.Team, "")
	return &b, nil
}

// decodeJSON decodes keeping numbers exact (ids and amounts never pass through float64).
func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	return dec.Decode(v)
}

// fixNumbers turns decoded numbers into int64 or float64 as SQLite stores them.
func fixNumbers(cs []syncstore.Change) {
	for i := range cs {
		for k, v := range cs[i].Cols {
			n, ok := v.(json.Number)
			if !ok {
				continue
			}
			if iv, err := n.Int64(); err == nil {
				cs[i].Cols[k] = iv
			} else if fv, err := n.Float64(); err == nil {
				cs[i].Cols[k] = fv
			} else {
				cs[i].Cols[k] = n.String()
			}
		}
	}
}
