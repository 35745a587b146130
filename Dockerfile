# infusionbot: `docker build -t infusionbot .` then see docs/operations.md.
# The articles are embedded in the binary; the index is built in memory at start.

# go.mod's go line: the official Go images set GOTOOLCHAIN=local, so an
# older 1.26 image cannot build it. Raise both together.
FROM golang:1.26.8 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w" -o /out/infusionbot ./cmd/infusionbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/infusionbot /infusionbot
# uid and gid 65532: a mounted knowledge folder must be readable by them.
USER nonroot:nonroot
# Move the API with HTTP_ADDR, not `serve --addr`: the HEALTHCHECK below is a
# process of its own, which sees the container's environment but not the
# server's arguments (serve warns when --addr and HTTP_ADDR differ).
ENV HTTP_ADDR=:8080
# Metrics are off until METRICS_ADDR is set (e.g. -e METRICS_ADDR=:9464);
# publish that port on a private network only: /metrics has no token.
EXPOSE 8080
# The image has no shell or curl: the binary probes itself. A bare path means
# the port of HTTP_ADDR on loopback.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/infusionbot", "serve", "--probe", "/healthz"]
ENTRYPOINT ["/infusionbot"]
CMD ["serve"]
