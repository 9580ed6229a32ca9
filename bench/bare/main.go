// Command bare is a bare Wails v2 app, the react-ts template as `wails init` makes it with
// its images left out: the baseline that scripts/bench.sh measures the ICM app's cold start
// against. It is built the same way (same Wails version, tags and frontend tools) and, like
// the ICM app with ICM_BENCH_READY=1, prints "icm-bench ready <unix ns>" once its screen has
// rendered and exits.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

//go:embed all:frontend/dist
var assets embed.FS

func main() {
	app := NewApp()
	err := wails.Run(&options.App{
		Title:  "bare",
		Width:  1024,
		Height: 768,
		AssetServer: &assetserver.Options{
			Assets: assets,
		},
		BackgroundColour: &options.RGBA{R: 27, G: 38, B: 54, A: 1},
		OnStartup:        app.startup,
		Bind: []interface{}{
			app,
		},
	})
	if err != nil {
		println("Error:", err.Error())
	}
}

// benchHook prints when the screen has rendered and exits, with ICM_BENCH_READY=1.
func benchHook(ctx context.Context) {
	if os.Getenv("ICM_BENCH_READY") != "1" {
		return
	}
	runtime.EventsOn(ctx, "app:screen-ready", func(...any) {
		fmt.Printf("icm-bench ready %d -\n", time.Now().UnixNano())
		os.Exit(0)
	})
}
