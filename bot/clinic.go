package bot

// Clinic holds the clinic's own details, used by emergency, crisis, clinic
// and human replies and by the handoff line. A clinic configures them in a
// config file or environment variables (see internal/config).
type Clinic struct {
	Name            string `json:"name"`
	Phone           string `json:"phone"`
	Email           string `json:"email"`
	BookingURL      string `json:"booking_url"`
	Hours           string `json:"hours"`
	Address         string `json:"address"`
	EmergencyNumber string `json:"emergency_number"`
	CrisisLine      string `json:"crisis_line"`
}

// DefaultClinic is used where nothing is configured.
func DefaultClinic() Clinic {
	return Clinic{
		Name:            "the clinic",
		EmergencyNumber: "911",
		CrisisLine:      "988",
	}
}

// Source describes one article the bot answers from, for /sources.
type Source struct {
	Path      string
	Title     string
	Source    string
	Published string
}
