package main

import (
	"context"
	"fmt"
)

// App is the react-ts template's bound struct.
type App struct {
	ctx context.Context
}

// NewApp creates the app.
func NewApp() *App {
	return &App{}
}

func (a *App) startup(ctx context.Context) {
	a.ctx = ctx
	benchHook(ctx)
}

// Greet returns a greeting for the given name.
func (a *App) Greet(name string) string {
	return fmt.Sprintf("Hello %s, It's show time!", name)
}
