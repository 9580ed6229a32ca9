package service

import (
	"strings"

	"icm/backend/domain"
	"icm/backend/store"
	"icm/backend/teamsync"
)

// TeamChainDTO is what this laptop holds of another laptop's audit log, and whether it holds
// together: each entry names the hash of the one before it, and a number the laptop sent twice
// with different content means its log was rewritten.
type TeamChainDTO struct {
	Laptop   string `json:"laptop"`
	Computer string `json:"computer"` // the label from the team's roster ("" when none was given)
	Entries  int    `json:"entries"`
	First    uint   `json:"first"`
	Last     uint   `json:"last"`
	LastAt   string `json:"lastAt"` // dd.mm.åååå tt:mm:ss, local time ("" when nothing is held)
	// OK is true when the links hold and no number was rewritten.
	OK bool `json:"ok"`
	// Broken are the entries whose link to the one before does not hold (entries missing or
	// changed); Rewritten the numbers the laptop also sent with other content.
	Broken    []uint `json:"broken"`
	Rewritten []uint `json:"rewritten"`
}

// TeamAuditDTO is the check of the other laptops' logs held here.
type TeamAuditDTO struct {
	InTeam bool           `json:"inTeam"` // false: the laptop is in no team, and there is nothing to check
	OK     bool           `json:"ok"`     // every chain holds
	Chains []TeamChainDTO `json:"chains"` // one per other laptop of the team, by label
}

// CheckTeam checks every other laptop's audit log as this laptop holds it, for the team
// lead; the check is logged like Verify.
func (s *AuditService) CheckTeam() (TeamAuditDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return TeamAuditDTO{}, err
	}
	ctx := s.ctx()
	cl, err := teamComputers(ctx, st)
	if err != nil {
		return TeamAuditDTO{}, err
	}
	out := TeamAuditDTO{InTeam: cl.inTeam, OK: true, Chains: []TeamChainDTO{}}
	if !cl.inTeam {
		return out, nil
	}
	chains, err := teamsync.AuditChains(ctx, st.Gorm())
	if err != nil {
		return TeamAuditDTO{}, domain.Wrap(domain.CodeInternal, "team audit chains", err)
	}
	held := map[string]teamsync.RemoteChain{}
	for _, c := range chains {
		held[c.Laptop] = c
	}
	// Every other laptop of the roster, and any laptop whose entries are held without being
	// in it (cannot be: revoked laptops stay in the roster).
	laptops := []string{}
	for _, c := range cl.list[1:] {
		laptops = append(laptops, c.Laptop)
	}
	for _, c := range chains {
		if _, ok := cl.label[c.Laptop]; !ok {
			laptops = append(laptops, c.Laptop)
		}
	}
	var alarms []string
	for _, l := range laptops {
		c := held[l]
		d := TeamChainDTO{Laptop: l, Computer: cl.label[l], Entries: c.Entries, First: c.First, Last: c.Last,
			Broken: orEmpty(c.Broken), Rewritten: orEmpty(c.Rewritten)}
		d.OK = len(d.Broken) == 0 && len(d.Rewritten) == 0
		if c.Last > 0 {
			at, err := st.RemoteAuditAt(ctx, l, c.Last)
			if err != nil {
				return TeamAuditDTO{}, err
			}
			d.LastAt = localStamp(at)
		}
		if !d.OK {
			out.OK = false
			alarms = append(alarms, "computer "+l+": broken "+itoa(len(d.Broken))+", rewritten "+itoa(len(d.Rewritten)))
		}
		out.Chains = append(out.Chains, d)
	}
	detail := "team: " + itoa(len(out.Chains)) + " computers, intact"
	if !out.OK {
		detail = "team: " + itoa(len(out.Chains)) + " computers; " + strings.Join(alarms, "; ")
	}
	return out, s.audit(st, a, AuditVerify, "audit_log", 0, 0, detail)
}

func orEmpty(ids []uint) []uint {
	if ids == nil {
		return []uint{}
	}
	return ids
}

// AuditLaptopInput names another laptop of the team.
type AuditLaptopInput struct {
	Laptop string `json:"laptop"`
}

// RewrittenPairDTO is one number another laptop sent twice: the entry held and the other
// content sent later under the same number.
type RewrittenPairDTO struct {
	Number    uint          `json:"number"`
	Held      AuditEntryDTO `json:"held"`
	Rewritten AuditEntryDTO `json:"rewritten"`
}

// RewrittenEntries shows, for the team lead, the entries another laptop sent under numbers
// already held with other content, beside the entries held. Reading them is logged.
func (s *AuditService) RewrittenEntries(in AuditLaptopInput) ([]RewrittenPairDTO, error) {
	st, a, err := s.leadReady()
	if err != nil {
		return nil, err
	}
	ctx := s.ctx()
	cl, err := teamComputers(ctx, st)
	if err != nil {
		return nil, err
	}
	var p domain.Problems
	if in.Laptop == "" {
		p.Add("laptop", domain.CodeRequired)
	} else if _, ok := cl.label[in.Laptop]; !ok || in.Laptop == cl.self {
		p.Add("laptop", domain.CodeInvalidChoice)
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	held, rewritten, err := st.RewrittenAudit(ctx, in.Laptop)
	if err != nil {
		return nil, err
	}
	names, err := st.CitizenNames(ctx)
	if err != nil {
		return nil, err
	}
	byNumber := map[uint]*store.RemoteAuditEntry{}
	for i := range held {
		byNumber[held[i].OriginID] = &held[i]
	}
	label := cl.label[in.Laptop]
	out := []RewrittenPairDTO{}
	for i := range rewritten {
		r := &rewritten[i]
		r.Laptop = in.Laptop
		pair := RewrittenPairDTO{Number: r.OriginID, Rewritten: remoteEntryDTO(r, names, label)}
		if h, ok := byNumber[r.OriginID]; ok {
			pair.Held = remoteEntryDTO(h, names, label)
		}
		out = append(out, pair)
	}
	return out, s.audit(st, a, AuditView, "audit_log", 0, 0,
		"rewritten entries of computer "+in.Laptop+": "+itoa(len(out)))
}
