// Command icm is the ICM desktop app for Intensive Case Management teams. Started without
// a command it opens the window; the headless commands (backup, restore, -demo, -export-plan,
// -export-template) are in backend/cli.
package main

import (
	"context"
	"embed"
	"fmt"
	"os"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"icm/backend/cli"
	"icm/backend/instance"
)

//go:embed all:frontend/dist
var assets embed.FS

// appIcon is the window's icon on Linux: the 256 px drawing, since decoding the 1024 px
// build/appicon.png took about 15 ms before the window showed.
//
//go:embed packaging/linux/icons/hicolor/256x256/apps/icm.png
var appIcon []byte

// webview2Messages are the Windows start-up messages when the WebView2 runtime is missing
// or broken, in Danish then English: the laptop's user reads them, and IT acts on them.
var webview2Messages = &windows.Messages{
	InstallationRequired: "ICM kræver Microsoft WebView2 Runtime. / ICM needs the Microsoft WebView2 Runtime.",
	UpdateRequired:       "ICM kræver en nyere Microsoft WebView2 Runtime. / ICM needs a newer Microsoft WebView2 Runtime.",
	MissingRequirements:  "Der mangler noget på computeren / Missing requirements",
	Webview2NotInstalled: "Microsoft WebView2 Runtime er ikke installeret. / The Microsoft WebView2 Runtime is not installed.",
	Error:                "Fejl / Error",
	FailedToInstall:      "Microsoft WebView2 Runtime kunne ikke installeres. / The Microsoft WebView2 Runtime could not be installed.",
	DownloadPage:         "Vil du åbne Microsofts side for WebView2? / Open Microsoft's WebView2 page?",
	PressOKToInstall:     "Tryk OK for at installere. / Press OK to install.",
	ContactAdmin:         "Kontakt IT: WebView2 Runtime skal installeres, før ICM kan starte. / Contact IT: the WebView2 Runtime must be installed before ICM can start.",
	InvalidFixedWebview2: "Den medfølgende WebView2 er ugyldig. Kontakt IT. / The bundled WebView2 is invalid. Contact IT.",
	WebView2ProcessCrash: "WebView2 stoppede uventet. Genstart ICM – dine gemte data er i behold. / WebView2 stopped unexpectedly. Restart ICM – your saved data is safe.",
}

func main() {
	dbPath, code, done := cli.Run(os.Args)
	if done {
		os.Exit(code)
	}
	inst, code, ok := instance.Start(dbPath)
	if !ok {
		os.Exit(code)
	}
	app := newApp(context.Background(), dbPath)
	inst.OnFocus(func() { app.onSecondInstance(options.SecondInstanceData{}) })
	err := app.runWindow(func() error { return wails.Run(appOptions(app, dbPath)) })
	_ = inst.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "icm:", err)
		os.Exit(1)
	}
}

// appOptions is the window and its wiring. The window's contents are kept out of screen
// sharing and screenshots where the system allows it: Windows (SetWindowDisplayAffinity with
// WDA_EXCLUDEFROMCAPTURE, WDA_MONITOR before Windows 10 2004) and macOS (NSWindowSharingNone);
// Linux has no such API (README, "Data protection"). On Linux the web view draws without the
// GPU (WebviewGpuPolicyNever), which is what Wails does when no Linux options are given: with
// Linux options at all, the zero value reaches WebKitGTK as "always", which set up GL before
// the first screen (software GL without a GPU driver: about 250 ms of processor time,
// docs/performance.md "Cold start") and is what Wails avoids by default because some GPU
// drivers leave the window blank (wailsapp/wails#2977). A page of forms gains nothing from it.
func appOptions(app *App, dbPath string) *options.App {
	return &options.App{
		Title:              "ICM – Intensive Case Management",
		Width:              1280,
		Height:             860,
		MinWidth:           1000,
		MinHeight:          680,
		AssetServer:        &assetserver.Options{Assets: assets},
		BackgroundColour:   &options.RGBA{R: 246, G: 247, B: 249, A: 1},
		OnStartup:          app.startup,
		OnShutdown:         app.shutdown,
		OnDomReady:         app.domReady,
		OnBeforeClose:      app.beforeClose,
		Bind:               app.bindings(),
		ErrorFormatter:     formatError,
		LogLevel:           logger.WARNING, // call results carry personal data: never trace them
		LogLevelProduction: logger.ERROR,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               instance.ID(dbPath),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Windows: &windows.Options{ContentProtection: true, Messages: webview2Messages},
		Linux:   &linux.Options{Icon: appIcon, ProgramName: "icm", WebviewGpuPolicy: linux.WebviewGpuPolicyNever},
		Mac:     &mac.Options{ContentProtection: true},
	}
}
