package domain

// SignMethod is how the citizen signed a plan version.
type SignMethod string

// Signing methods: the method wants the citizen's own agreement to the plan, on paper or
// face to face; a plan is never "signed" on the citizen's behalf.
const (
	SignPaper    SignMethod = "paper"     // underskrevet på papir ved et møde
	SignInPerson SignMethod = "in_person" // bekræftet personligt over for ICM-medarbejderen
)

// SignMethods lists the signing methods in UI order.
var SignMethods = []SignMethod{SignPaper, SignInPerson}
