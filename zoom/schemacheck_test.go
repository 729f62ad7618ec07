package zoom

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
)

// schemaChecker validates a decoded JSON value against the subset of JSON
// Schema that Zoom's Phone OpenAPI document uses for request bodies: type,
// required, properties (no unknown properties), items, maxItems, maximum,
// enum.
// Keywords it does not understand are reported, so a schema change cannot
// make the check pass silently.
type schemaChecker struct {
	problems []string
}

// ignoredKeywords carry documentation only.
var ignoredKeywords = map[string]bool{"description": true, "example": true, "format": true, "title": true, "deprecated": true, "default": true}

var checkedKeywords = map[string]bool{"type": true, "required": true, "properties": true, "items": true, "maxItems": true, "enum": true, "maximum": true, "minLength": true, "maxLength": true}

func (c *schemaChecker) fail(path, format string, args ...any) {
	c.problems = append(c.problems, path+": "+fmt.Sprintf(format, args...))
}

func (c *schemaChecker) check(v any, schema map[string]any, path string) {
	for k := range schema {
		if !checkedKeywords[k] && !ignoredKeywords[k] && !strings.HasPrefix(k, "x-") {
			c.fail(path, "schema keyword %q is not supported by this checker", k)
		}
	}
	if t, ok := schema["type"].(string); ok && !hasType(v, t) {
		c.fail(path, "is %s, want %s", jsonType(v), t)
		return
	}
	if enum, ok := schema["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return reflect.DeepEqual(e, v) }) {
		c.fail(path, "%v is not one of %v", v, enum)
	}
	if m, ok := schema["maximum"].(float64); ok {
		if n, isNum := v.(float64); isNum && n > m {
			c.fail(path, "%v is more than maximum %v", n, m)
		}
	}
	if str, isStr := v.(string); isStr {
		n := float64(len([]rune(str)))
		if m, ok := schema["minLength"].(float64); ok && n < m {
			c.fail(path, "%q is shorter than minLength %v", str, m)
		}
		if m, ok := schema["maxLength"].(float64); ok && n > m {
			c.fail(path, "%q is longer than maxLength %v", str, m)
		}
	}
	switch val := v.(type) {
	case map[string]any:
		props, _ := schema["properties"].(map[string]any)
		req, _ := schema["required"].([]any)
		for _, r := range req {
			if _, ok := val[r.(string)]; !ok {
				c.fail(path, "required property %q missing", r)
			}
		}
		keys := make([]string, 0, len(val))
		for k := range val {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			sub, ok := props[k].(map[string]any)
			if !ok {
				if props != nil {
					c.fail(path, "unknown property %q", k)
				}
				continue
			}
			c.check(val[k], sub, path+"."+k)
		}
	case []any:
		if m, ok := schema["maxItems"].(float64); ok && float64(len(val)) > m {
			c.fail(path, "has %d items, more than maxItems %v", len(val), m)
		}
		if items, ok := schema["items"].(map[string]any); ok {
			for i, item := range val {
				c.check(item, items, fmt.Sprintf("%s[%d]", path, i))
			}
		}
	}
}

func jsonType(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if x == math.Trunc(x) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func hasType(v any, t string) bool {
	got := jsonType(v)
	return got == t || (t == "number" && got == "integer")
}
