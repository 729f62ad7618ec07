package sandbox

import (
	"encoding/json"
	"net/http"
)

// apiError is Zoom's error body: {"code","message"} plus, for validation
// failures, errors[] naming each bad field.
type apiError struct {
	Code    int          `json:"code"`
	Message string       `json:"message"`
	Errors  []fieldError `json:"errors,omitempty"`
}

// fieldError is one entry of a validation error: the field is written as a
// path into the request body ("users[3].desk_phones[0].mac").
type fieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// Messages Zoom uses that several handlers share.
const (
	msgInvalidToken     = "Invalid access token."
	msgValidationFailed = "Validation Failed."
	msgUserSize         = "User size must be less than 10."
	msgTemplateInvalid  = "Template is invalid"
	msgMultiSiteOff     = "Multiple Sites option has been disabled. Enable it and try again."
	msgPhoneNotSetUp    = "Zoom Phone has not been enabled for this account."
)

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json;charset=UTF-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, status, code int, message string) {
	writeJSON(w, status, apiError{Code: code, Message: message})
}

func writeValidation(w http.ResponseWriter, errs []fieldError) {
	writeJSON(w, http.StatusBadRequest, apiError{Code: 300, Message: msgValidationFailed, Errors: errs})
}
