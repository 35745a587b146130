package main

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
)

// serveMetrics serves the metrics (GET /metrics, Prometheus text) on ln,
// the listener of METRICS_ADDR, so that publishing the HTTP API's port to
// the world does not publish them too. Close the returned server to stop.
func serveMetrics(ln net.Listener, metrics http.Handler, logger *slog.Logger) *http.Server {
	mux := http.NewServeMux()
	mux.Handle("GET /metrics", metrics)
	srv := newHTTPServer(mux, logger)
	logger.Info("metrics served", "addr", ln.Addr().String())
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("metrics server stopped; the API keeps serving", "err", err)
		}
	}()
	return srv
}
