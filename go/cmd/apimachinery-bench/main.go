// Command apimachinery-bench times Go's k8s.io/apimachinery on the documents of kubepatch's
// benchmark (`npm run bench`, bench/apimachinery.ts), so that the page can put measured Go times
// beside kubepatch's instead of quoting numbers.
//
// It reads one request from stdin, a JSON object whose documents are the bytes Go is given:
//
//	{"type":"apps/v1.Deployment","original":{…},"modified":{…},"current":{…},
//	 "tasks":["smp-create","smp-apply","smp-three-way","merge-three-way"],"budgetMs":360,"slowMs":2000}
//
// and writes one JSON object to stdout: the Go and apimachinery versions and, per task, the median
// nanoseconds per call with the output of the first call (a patch, or the patched document), which
// the bench checks before it counts the time: a fast wrong answer is not a result.
//
//   - smp-create: strategicpatch.CreateTwoWayMergePatch(original, modified, dataStruct)
//   - smp-apply: strategicpatch.StrategicMergePatch(original, patch, dataStruct), with the patch
//     smp-create made (so smp-apply needs smp-create)
//   - smp-three-way: strategicpatch.CreateThreeWayMergePatch(original, modified, current,
//     lookupPatchMeta, true), kubectl apply's patch with its default --overwrite
//   - merge-three-way: jsonmergepatch.CreateThreeWayJSONMergePatch(original, modified, current),
//     kubectl apply's patch for a custom resource (no preconditions)
//
// "type" names the Go type whose struct tags give the patch metadata (see dataStructFor). Each
// call is timed on bytes in and bytes out, as Go's API takes and gives them; a call slower than
// slowMs is timed once.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"time"

	"k8s.io/apimachinery/pkg/util/jsonmergepatch"
	"k8s.io/apimachinery/pkg/util/strategicpatch"
)

type request struct {
	Type     string          `json:"type"`
	Original json.RawMessage `json:"original"`
	Modified json.RawMessage `json:"modified"`
	Current  json.RawMessage `json:"current"`
	Tasks    []string        `json:"tasks"`
	BudgetMs float64         `json:"budgetMs"`
	SlowMs   float64         `json:"slowMs"`
}

type taskResult struct {
	timing
	// Output is the first call's result: the created patch, or the patched document.
	Output json.RawMessage `json:"output,omitempty"`
	Error  string          `json:"error,omitempty"`
}

type reply struct {
	Go           string                 `json:"go"`
	Apimachinery string                 `json:"apimachinery"`
	Results      map[string]*taskResult `json:"results"`
	Error        string                 `json:"error,omitempty"`
}

func main() {
	out := reply{Go: runtime.Version(), Apimachinery: moduleVersion("k8s.io/apimachinery"), Results: map[string]*taskResult{}}
	if err := run(&out); err != nil {
		out.Error = err.Error()
	}
	encoder := json.NewEncoder(os.Stdout)
	if err := encoder.Encode(out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out *reply) error {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		return err
	}
	var req request
	if err := json.Unmarshal(input, &req); err != nil {
		return fmt.Errorf("reading the request: %w", err)
	}
	dataStruct, err := dataStructFor(req.Type)
	if err != nil {
		return err
	}
	lookup, err := strategicpatch.NewPatchMetaFromStruct(dataStruct)
	if err != nil {
		return err
	}
	budget := time.Duration(req.BudgetMs * float64(time.Millisecond))
	slow := time.Duration(req.SlowMs * float64(time.Millisecond))
	original, modified, current := []byte(req.Original), []byte(req.Modified), []byte(req.Current)

	calls := map[string]func() ([]byte, error){
		"smp-create": func() ([]byte, error) {
			return strategicpatch.CreateTwoWayMergePatch(original, modified, dataStruct)
		},
		"smp-three-way": func() ([]byte, error) {
			return strategicpatch.CreateThreeWayMergePatch(original, modified, current, lookup, true)
		},
		"merge-three-way": func() ([]byte, error) {
			return jsonmergepatch.CreateThreeWayJSONMergePatch(original, modified, current)
		},
	}
	for _, task := range req.Tasks {
		call := calls[task]
		if task == "smp-apply" {
			created := out.Results["smp-create"]
			if created == nil || created.Error != "" {
				out.Results[task] = &taskResult{Error: "smp-apply applies the patch of smp-create, which did not run first"}
				continue
			}
			patch := []byte(created.Output)
			call = func() ([]byte, error) { return strategicpatch.StrategicMergePatch(original, patch, dataStruct) }
		}
		if call == nil {
			return fmt.Errorf("no task %q (known: smp-create, smp-apply, smp-three-way, merge-three-way)", task)
		}
		output, timed, err := measure(call, budget, slow)
		result := &taskResult{timing: timed, Output: output}
		if err != nil {
			result.Error = err.Error()
		}
		out.Results[task] = result
	}
	return nil
}

// moduleVersion is the version of a module this program was built with (after go.mod's replace
// directives), for the page to name.
func moduleVersion(path string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	for _, dep := range info.Deps {
		if dep.Path == path {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return ""
}
