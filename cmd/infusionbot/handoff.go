package main

import (
	"log/slog"

	"github.com/infusionbot/infusionbot/bot"
	"github.com/infusionbot/infusionbot/bot/handoff"
	"github.com/infusionbot/infusionbot/internal/config"
)

// deskHooks connect the chat adapters to the handoff desk and the
// recorder: each adapter is attached (staff channel, relay to its people)
// and tells the recorder of ratings.
type deskHooks struct {
	desk  *handoff.Desk
	rater bot.Rater
}

func newDeskHooks(ecfg engineConfig, eng *engine, logger *slog.Logger) (*deskHooks, error) {
	clinic, err := config.LoadClinic(ecfg.ConfigFile, ecfg.Getenv)
	if err != nil {
		return nil, err
	}
	return &deskHooks{
		desk:  handoff.New(handoff.Config{Recorder: eng.Recorder(), Clinic: clinic, Logger: logger.With("component", "handoff")}),
		rater: eng.Recorder(),
	}, nil
}

func (d *deskHooks) attach(adapter any) { d.desk.Attach(adapter) }

func (d *deskHooks) middleware(next bot.Handler) bot.Handler { return d.desk.Middleware(next) }
