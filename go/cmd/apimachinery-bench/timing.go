package main

import (
	"sort"
	"time"
)

// timing is the median time of one call, measured the way bench/measure.ts measures kubepatch:
// calls batched so that one sample lasts at least a millisecond (the clock's resolution stays out
// of short calls), samples taken until the budget is spent (at least three), the median kept.
type timing struct {
	NsPerCall float64 `json:"nsPerCall"`
	// Calls per sample and samples taken; 1 and 1 for a call timed once.
	Calls   int `json:"calls"`
	Samples int `json:"samples"`
	// Single: the call took longer than the slow limit, so only the first call was timed.
	Single bool `json:"single"`
}

const minimumSample = time.Millisecond

// sink keeps every call's result alive, so that the compiler cannot drop a call whose output is unused.
var sink []byte

// measure makes one call whose output it returns (for the bench to check), then times further
// calls for `budget`, unless that first call took longer than `slow`: such a call is timed once.
// Every call must succeed; the first error is returned.
func measure(call func() ([]byte, error), budget, slow time.Duration) ([]byte, timing, error) {
	started := time.Now()
	output, err := call()
	first := time.Since(started)
	if err != nil {
		return nil, timing{}, err
	}
	if first > slow {
		return output, timing{NsPerCall: float64(first.Nanoseconds()), Calls: 1, Samples: 1, Single: true}, nil
	}
	calls, err := batchSize(call)
	if err != nil {
		return nil, timing{}, err
	}
	var samples []float64
	began := time.Now()
	for len(samples) < 3 || time.Since(began) < budget {
		t := time.Now()
		for i := 0; i < calls; i++ {
			if sink, err = call(); err != nil {
				return nil, timing{}, err
			}
		}
		samples = append(samples, float64(time.Since(t).Nanoseconds())/float64(calls))
	}
	return output, timing{NsPerCall: median(samples), Calls: calls, Samples: len(samples)}, nil
}

// batchSize is the number of calls that lasts about a millisecond. It does not trust the first
// call's time, which includes one-time work (reflection caches, heap growth).
func batchSize(call func() ([]byte, error)) (int, error) {
	calls := 1
	for {
		started := time.Now()
		for i := 0; i < calls; i++ {
			var err error
			if sink, err = call(); err != nil {
				return 0, err
			}
		}
		elapsed := time.Since(started)
		if elapsed >= minimumSample || calls >= 1<<20 {
			return calls, nil
		}
		if elapsed <= 0 {
			calls *= 16
		} else {
			calls = min(calls*16, int(float64(calls)*1.2*float64(minimumSample)/float64(elapsed))+1)
		}
	}
}

func median(samples []float64) float64 {
	sorted := append([]float64(nil), samples...)
	sort.Float64s(sorted)
	middle := len(sorted) / 2
	if len(sorted)%2 == 1 {
		return sorted[middle]
	}
	return (sorted[middle-1] + sorted[middle]) / 2
}
