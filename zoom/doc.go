// Package zoom is zpadd's client for the parts of Zoom's REST API v2 that
// adding Zoom Phone users needs: Server-to-Server OAuth, client-side rate
// limits per Zoom label, bounded retries of idempotent reads, cursor
// pagination, typed endpoints and one error type for every refusal.
//
// The write, POST /phone/users/batch, is never retried here: Zoom has no
// idempotency key, so whether to resend is decided by the submit workflow
// after it has read the users back. Only an expired token (401, code 124) is
// renewed and the request sent once more, since Zoom did not act on it.
//
// Nothing secret (client secret, access tokens, Authorization headers)
// reaches a log line or an error message.
package zoom
