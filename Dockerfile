# infusionbot: `docker build -t infusionbot .` then see docs/operations.md.
# The articles are embedded in the binary; the index is built in memory at start.

FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -buildvcs=false -ldflags "-s -w" -o /out/infusionbot ./cmd/infusionbot

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/infusionbot /infusionbot
USER nonroot:nonroot
ENV HTTP_ADDR=:8080
EXPOSE 8080
# The image has no shell or curl: the binary probes itself. A bare path means
# the port of HTTP_ADDR on loopback.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["/infusionbot", "serve", "--probe", "/healthz"]
ENTRYPOINT ["/infusionbot"]
CMD ["serve"]
