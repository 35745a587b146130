// Package metrics is a small registry of counters, gauges and histograms
// written in the Prometheus text exposition format (version 0.0.4), with no
// dependencies. Registry implements bot.Monitor for the adapters, and
// Middleware counts messages, unanswered questions and answer latency.
//
// No metric carries message text or a user id: labels are platforms,
// intents, feedback kinds and error kinds only.
package metrics

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/infusionbot/infusionbot/bot"
)

// Names of the metrics the Registry and Middleware keep.
const (
	MessagesTotal         = "infusionbot_messages_total"
	UnansweredTotal       = "infusionbot_unanswered_questions_total"
	HandlerErrorsTotal    = "infusionbot_handler_errors_total"
	AnswerSeconds         = "infusionbot_answer_duration_seconds"
	FeedbackTotal         = "infusionbot_feedback_total"
	AdapterConnected      = "infusionbot_adapter_connected"
	AdapterReconnects     = "infusionbot_adapter_reconnects_total"
	AdapterErrorsTotal    = "infusionbot_adapter_errors_total"
	HTTPRequestsTotal     = "infusionbot_http_requests_total"
	ReloadsTotal          = "infusionbot_reloads_total"
	ContentTypeTextFormat = "text/plain; version=0.0.4; charset=utf-8"
)

// DefaultLatencyBuckets suit answers expected in milliseconds.
var DefaultLatencyBuckets = []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5}

// Registry holds metrics and writes them. It is safe for concurrent use.
type Registry struct {
	mu      sync.Mutex
	metrics map[string]metric

	messages, unanswered, handlerErrors *Counter
	answerSeconds                       *Histogram
	feedback, reconnects, adapterErrors *Counter
	connected                           *Gauge
	httpRequests, reloads               *Counter
}

type metric interface {
	write(w *bufio.Writer)
}

// NewRegistry returns a registry holding the bot's standard metrics.
func NewRegistry() *Registry {
	r := &Registry{metrics: make(map[string]metric)}
	r.messages = r.Counter(MessagesTotal, "Messages answered, by platform and intent.", "platform", "intent")
	r.unanswered = r.Counter(UnansweredTotal, "Questions the articles could not answer with a cited snippet.", "platform")
	r.handlerErrors = r.Counter(HandlerErrorsTotal, "Messages whose handler failed.", "platform")
	r.answerSeconds = r.Histogram(AnswerSeconds, "Time to answer a message.", DefaultLatencyBuckets, "platform")
	r.feedback = r.Counter(FeedbackTotal, "Feedback button presses, by platform and kind.", "platform", "kind")
	r.connected = r.Gauge(AdapterConnected, "1 while the platform adapter is connected.", "platform")
	r.reconnects = r.Counter(AdapterReconnects, "Adapter reconnection attempts.", "platform")
	r.adapterErrors = r.Counter(AdapterErrorsTotal, "Adapter errors, by platform and kind.", "platform", "kind")
	r.httpRequests = r.Counter(HTTPRequestsTotal, "HTTP API requests, by route and status code.", "route", "code")
	r.reloads = r.Counter(ReloadsTotal, "Knowledge reloads, by result (ok, error).", "result")
	return r
}

func (r *Registry) register(name string, m metric) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, dup := r.metrics[name]; dup {
		panic("metrics: " + name + " registered twice")
	}
	r.metrics[name] = m
}

// Feedback implements bot.Monitor.
func (r *Registry) Feedback(platform string, kind bot.FeedbackKind) {
	r.feedback.Inc(platform, string(kind))
}

// Connected implements bot.Monitor.
func (r *Registry) Connected(platform string, up bool) {
	v := 0.0
	if up {
		v = 1
	}
	r.connected.Set(v, platform)
}

// Reconnect implements bot.Monitor.
func (r *Registry) Reconnect(platform string) { r.reconnects.Inc(platform) }

// Error implements bot.Monitor.
func (r *Registry) Error(platform, kind string) { r.adapterErrors.Inc(platform, kind) }

// HTTPRequest counts one HTTP API request.
func (r *Registry) HTTPRequest(route string, code int) {
	r.httpRequests.Inc(route, strconv.Itoa(code))
}

// Reload counts one knowledge reload.
func (r *Registry) Reload(err error) {
	if err != nil {
		r.reloads.Inc("error")
		return
	}
	r.reloads.Inc("ok")
}

var _ bot.Monitor = (*Registry)(nil)

// Middleware counts every message by platform and intent, questions the
// bot could not answer (intent question and not Answered), handler errors,
// and the time to answer.
func Middleware(reg *Registry) bot.Middleware {
	return func(next bot.Handler) bot.Handler {
		return bot.HandlerFunc(func(ctx context.Context, m bot.Message) (bot.Reply, error) {
			start := time.Now()
			rep, err := next.Handle(ctx, m)
			reg.answerSeconds.Observe(time.Since(start).Seconds(), m.Platform)
			if err != nil {
				reg.handlerErrors.Inc(m.Platform)
				return rep, err
			}
			reg.messages.Inc(m.Platform, string(rep.Intent))
			if rep.Intent == bot.IntentQuestion && !rep.Answered {
				reg.unanswered.Inc(m.Platform)
			}
			return rep, nil
		})
	}
}

// ServeHTTP writes every metric in the text exposition format.
func (r *Registry) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	if req.Method != http.MethodGet && req.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", ContentTypeTextFormat)
	w.Header().Set("Cache-Control", "no-store")
	if req.Method == http.MethodHead {
		return
	}
	r.WriteTo(w)
}

// WriteTo writes every metric, sorted by name, in the text format.
func (r *Registry) WriteTo(w io.Writer) (int64, error) {
	r.mu.Lock()
	names := make([]string, 0, len(r.metrics))
	for n := range r.metrics {
		names = append(names, n)
	}
	ms := make([]metric, len(names))
	sort.Strings(names)
	for i, n := range names {
		ms[i] = r.metrics[n]
	}
	r.mu.Unlock()
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	for _, m := range ms {
		m.write(bw)
	}
	err := bw.Flush()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// vec holds one value per combination of label values.
type vec[T any] struct {
	name, help, typ string
	labels          []string
	mu              sync.Mutex
	series          map[string]*T // key: label values joined by \xff
	values          map[string][]string
}

func newVec[T any](name, help, typ string, labels []string) vec[T] {
	return vec[T]{name: name, help: help, typ: typ, labels: labels,
		series: make(map[string]*T), values: make(map[string][]string)}
}

// get returns the series for the label values, creating it with mk.
func (v *vec[T]) get(values []string, mk func() *T) *T {
	if len(values) != len(v.labels) {
		panic(fmt.Sprintf("metrics: %s takes %d label values, got %d", v.name, len(v.labels), len(values)))
	}
	key := strings.Join(values, "\xff")
	v.mu.Lock()
	defer v.mu.Unlock()
	s, ok := v.series[key]
	if !ok {
		s = mk()
		v.series[key] = s
		v.values[key] = append([]string(nil), values...)
	}
	return s
}

// sorted returns the series' keys in order.
func (v *vec[T]) sorted() []string {
	keys := make([]string, 0, len(v.series))
	for k := range v.series {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (v *vec[T]) header(w *bufio.Writer) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", v.name, escapeHelp(v.help), v.name, v.typ)
}

// labelString renders {a="x",b="y"} with extra pairs appended.
func (v *vec[T]) labelString(values []string, extra ...string) string {
	if len(values) == 0 && len(extra) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, l := range v.labels {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(l)
		b.WriteString(`="`)
		b.WriteString(escapeLabel(values[i]))
		b.WriteByte('"')
	}
	for i := 0; i+1 < len(extra); i += 2 {
		if b.Len() > 1 {
			b.WriteByte(',')
		}
		b.WriteString(extra[i])
		b.WriteString(`="`)
		b.WriteString(escapeLabel(extra[i+1]))
		b.WriteByte('"')
	}
	b.WriteByte('}')
	return b.String()
}

// Counter is a monotonically increasing value per label combination.
type Counter struct{ v vec[float64] }

// Counter registers and returns a counter with the given label names.
func (r *Registry) Counter(name, help string, labels ...string) *Counter {
	c := &Counter{v: newVec[float64](name, help, "counter", labels)}
	r.register(name, c)
	return c
}

// Inc adds 1 for the label values, given in the order of the label names.
func (c *Counter) Inc(values ...string) { c.Add(1, values...) }

// Add adds d (which must not be negative) for the label values.
func (c *Counter) Add(d float64, values ...string) {
	if d < 0 {
		panic("metrics: counter " + c.v.name + " decreased")
	}
	p := c.v.get(values, func() *float64 { return new(float64) })
	c.v.mu.Lock()
	*p += d
	c.v.mu.Unlock()
}

// Value returns the counter's value for the label values (0 if never set).
func (c *Counter) Value(values ...string) float64 { return scalarValue(&c.v, values) }

func (c *Counter) write(w *bufio.Writer) { writeScalars(w, &c.v) }

// scalarValue is the value of one series of a counter or gauge.
func scalarValue(v *vec[float64], values []string) float64 {
	v.mu.Lock()
	defer v.mu.Unlock()
	if p, ok := v.series[strings.Join(values, "\xff")]; ok {
		return *p
	}
	return 0
}

// writeScalars writes every series of a counter or gauge.
func writeScalars(w *bufio.Writer, v *vec[float64]) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.header(w)
	for _, k := range v.sorted() {
		fmt.Fprintf(w, "%s%s %s\n", v.name, v.labelString(v.values[k]), formatFloat(*v.series[k]))
	}
}

// Gauge is a value that goes up and down, per label combination.
type Gauge struct{ v vec[float64] }

// Gauge registers and returns a gauge with the given label names.
func (r *Registry) Gauge(name, help string, labels ...string) *Gauge {
	g := &Gauge{v: newVec[float64](name, help, "gauge", labels)}
	r.register(name, g)
	return g
}

// Set sets the value for the label values.
func (g *Gauge) Set(x float64, values ...string) {
	p := g.v.get(values, func() *float64 { return new(float64) })
	g.v.mu.Lock()
	*p = x
	g.v.mu.Unlock()
}

// Value returns the gauge's value for the label values (0 if never set).
func (g *Gauge) Value(values ...string) float64 { return scalarValue(&g.v, values) }

func (g *Gauge) write(w *bufio.Writer) { writeScalars(w, &g.v) }

// Histogram counts observations into cumulative buckets.
type Histogram struct {
	v       vec[histSeries]
	buckets []float64
}

type histSeries struct {
	counts []uint64 // per bucket, not cumulative
	count  uint64
	sum    float64
}

// Histogram registers and returns a histogram with the given upper bounds
// (sorted ascending; +Inf is implied) and label names.
func (r *Registry) Histogram(name, help string, buckets []float64, labels ...string) *Histogram {
	b := append([]float64(nil), buckets...)
	sort.Float64s(b)
	h := &Histogram{v: newVec[histSeries](name, help, "histogram", labels), buckets: b}
	r.register(name, h)
	return h
}

// Observe records x for the label values.
func (h *Histogram) Observe(x float64, values ...string) {
	s := h.v.get(values, func() *histSeries { return &histSeries{counts: make([]uint64, len(h.buckets))} })
	i := sort.SearchFloat64s(h.buckets, x) // first bound >= x
	h.v.mu.Lock()
	if i < len(h.buckets) {
		s.counts[i]++
	}
	s.count++
	s.sum += x
	h.v.mu.Unlock()
}

// Count returns how many observations were made for the label values.
func (h *Histogram) Count(values ...string) uint64 {
	h.v.mu.Lock()
	defer h.v.mu.Unlock()
	if s, ok := h.v.series[strings.Join(values, "\xff")]; ok {
		return s.count
	}
	return 0
}

func (h *Histogram) write(w *bufio.Writer) {
	h.v.mu.Lock()
	defer h.v.mu.Unlock()
	h.v.header(w)
	for _, k := range h.v.sorted() {
		s, vals := h.v.series[k], h.v.values[k]
		var cum uint64
		for i, ub := range h.buckets {
			cum += s.counts[i]
			fmt.Fprintf(w, "%s_bucket%s %d\n", h.v.name, h.v.labelString(vals, "le", formatFloat(ub)), cum)
		}
		fmt.Fprintf(w, "%s_bucket%s %d\n", h.v.name, h.v.labelString(vals, "le", "+Inf"), s.count)
		fmt.Fprintf(w, "%s_sum%s %s\n", h.v.name, h.v.labelString(vals), formatFloat(s.sum))
		fmt.Fprintf(w, "%s_count%s %d\n", h.v.name, h.v.labelString(vals), s.count)
	}
}

func formatFloat(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "+Inf"
	case math.IsInf(f, -1):
		return "-Inf"
	case math.IsNaN(f):
		return "NaN"
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
var helpEscaper = strings.NewReplacer(`\`, `\\`, "\n", `\n`)

func escapeLabel(s string) string { return labelEscaper.Replace(s) }
func escapeHelp(s string) string  { return helpEscaper.Replace(s) }
