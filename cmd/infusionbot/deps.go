package main

import (
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/bwmarrin/discordgo"
	_ "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	_ "golang.org/x/term"
)

func main() {}
