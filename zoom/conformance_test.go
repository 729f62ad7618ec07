package zoom

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zpadd/state"
)

// referenceDir finds ../shared/reference beside the module root, or skips.
func referenceDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root (go.mod) not found above the test directory")
		}
		dir = parent
	}
	ref := filepath.Join(dir, "..", "shared", "reference")
	if _, err := os.Stat(filepath.Join(ref, "zoom-phone-openapi.subset.json")); err != nil {
		t.Skipf("Zoom's OpenAPI subset not found at %s (the shared reference folder beside the module): schema conformance not checked", ref)
	}
	return ref
}

// openAPIOperation is the part of one operation of Zoom's OpenAPI subset
// that conformance tests check against.
type openAPIOperation struct {
	OperationID string `json:"operationId"`
	RequestBody struct {
		Content map[string]struct {
			Schema map[string]any `json:"schema"`
		} `json:"content"`
	} `json:"requestBody"`
	Responses map[string]struct {
		Content map[string]struct {
			Schema map[string]any `json:"schema"`
		} `json:"content"`
	} `json:"responses"`
}

// operation finds one operation of Zoom's OpenAPI subset by its id.
func operation(t *testing.T, id string) openAPIOperation {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(referenceDir(t), "zoom-phone-openapi.subset.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]openAPIOperation `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("OpenAPI subset unreadable: %v", err)
	}
	for _, ops := range doc.Paths {
		for _, op := range ops {
			if op.OperationID == id {
				return op
			}
		}
	}
	t.Fatalf("operation %s not in the OpenAPI subset", id)
	return openAPIOperation{}
}

// batchRequestSchema is the request body schema of batchAddUsers.
func batchRequestSchema(t *testing.T) map[string]any {
	t.Helper()
	s := operation(t, "batchAddUsers").RequestBody.Content["application/json"].Schema
	if s == nil {
		t.Fatal("batchAddUsers has no application/json request schema")
	}
	return s
}

// responseSchema is the JSON schema of one operation's answer with status.
func responseSchema(t *testing.T, id, status string) map[string]any {
	t.Helper()
	s := operation(t, id).Responses[status].Content["application/json"].Schema
	if s == nil {
		t.Fatalf("%s has no %s JSON response schema", id, status)
	}
	return s
}

func checkAgainst(schema map[string]any, body []byte) []string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return []string{err.Error()}
	}
	var c schemaChecker
	c.check(v, schema, "$")
	return c.problems
}

// The body BatchUsers builds from a full draft user — and from ten of them,
// the most Zoom takes — conforms to Zoom's batchAddUsers request schema.
func TestBatchRequestConformsToZoomSchema(t *testing.T) {
	schema := batchRequestSchema(t)
	one := fullUser()
	one.SelectOutboundCallerID = ptr(true)
	for _, n := range []int{1, state.MaxUsers} {
		users := make([]state.User, n)
		for i := range users {
			users[i] = one
		}
		body, err := json.Marshal(BatchRequest{Users: BatchUsers(users)})
		if err != nil {
			t.Fatal(err)
		}
		if problems := checkAgainst(schema, body); len(problems) > 0 {
			t.Errorf("%d users: body does not conform:\n%s", n, strings.Join(problems, "\n"))
		}
	}
	minimal, _ := json.Marshal(BatchRequest{Users: BatchUsers([]state.User{{Email: "a@example.com", ExtensionNumber: "100"}})})
	if problems := checkAgainst(schema, minimal); len(problems) > 0 {
		t.Errorf("minimal body does not conform:\n%s", strings.Join(problems, "\n"))
	}
}

// The checker itself catches each kind of violation, so the conformance
// test above can fail.
func TestSchemaCheckerCatchesViolations(t *testing.T) {
	schema := batchRequestSchema(t)
	cases := map[string]string{
		"missing required": `{"users":[{"email":"a@x","calling_plans":[]}]}`,
		"wrong type":       `{"users":[{"email":"a@x","calling_plans":[],"extension_number":100}]}`,
		"unknown property": `{"users":[{"email":"a@x","calling_plans":[],"extension_number":"1","site_id":"s"}]}`,
		"too many users":   `{"users":[` + strings.Repeat(`{"email":"a@x","calling_plans":[],"extension_number":"1"},`, 10) + `{"email":"a@x","calling_plans":[],"extension_number":"1"}]}`,
		"bad enum":         `{"users":[{"email":"a@x","calling_plans":[],"extension_number":"1","activation_status":"on"}]}`,
		"nested type":      `{"users":[{"email":"a@x","calling_plans":[],"extension_number":"1","desk_phones":[{"mac":12}]}]}`,
		"boolean as text":  `{"users":[{"email":"a@x","calling_plans":[],"extension_number":"1","sms":"true"}]}`,
	}
	for name, body := range cases {
		if problems := checkAgainst(schema, []byte(body)); len(problems) == 0 {
			t.Errorf("%s: checker found no problem in %s", name, body)
		}
	}
}
