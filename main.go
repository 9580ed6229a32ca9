// Command icm is the ICM desktop app for Intensive Case Management teams. Started without
// flags it opens the window; -demo fills an empty database with fictional demo data.
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/logger"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/mac"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"icm/backend/appdir"
	"icm/backend/domain"
	"icm/backend/service"
	"icm/backend/store"
)

//go:embed all:frontend/dist
var assets embed.FS

//go:embed build/appicon.png
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
	if isBackupCommand(os.Args) {
		os.Exit(runBackupCommand(os.Args[1], os.Args[2:], stdIO()))
	}
	dbFlag := flag.String("db", "", "database file (default: the user's data folder, or $"+appdir.EnvDB+")")
	demo := flag.Bool("demo", false, "fill an empty database with fictional demo data and exit")
	version := flag.Bool("version", false, "print the version and exit")
	exportPlan := flag.Uint("export-plan", 0, "write the plan of course `ID` to the -out PDF and exit")
	planVersion := flag.Uint("plan-version", 0, "with -export-plan: the signed version `ID` (default: the current draft)")
	exportTemplate := flag.Bool("export-template", false, "write the method template to the -out PDF and exit")
	templateVersion := flag.Uint("template-version", 0, "with -export-template: the signed version `ID` (default: the current template)")
	out := flag.String("out", "", "with -export-plan or -export-template: the PDF file to write")
	flag.Parse()

	if *version {
		fmt.Println(service.Version)
		return
	}
	dbPath, err := appdir.DatabasePath(*dbFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, "icm: cannot find the data folder:", err)
		os.Exit(1)
	}
	if *exportTemplate {
		os.Exit(runExportTemplate(dbPath, *templateVersion, *out))
	}
	if *exportPlan != 0 {
		os.Exit(runExportPlan(dbPath, *exportPlan, *planVersion, *out))
	}
	if *demo {
		os.Exit(runDemo(dbPath))
	}

	inst, code, ok := startInstance(dbPath)
	if !ok {
		os.Exit(code)
	}
	app := newApp(context.Background(), dbPath)
	inst.OnFocus(func() { app.onSecondInstance(options.SecondInstanceData{}) })
	err = wails.Run(appOptions(app, dbPath))
	_ = inst.Close()
	if err != nil {
		fmt.Fprintln(os.Stderr, "icm:", err)
		os.Exit(1)
	}
}

// appOptions is the window and its wiring. The window's contents are kept out of screen
// sharing and screenshots where the system allows it: Windows (SetWindowDisplayAffinity with
// WDA_EXCLUDEFROMCAPTURE, WDA_MONITOR before Windows 10 2004) and macOS (NSWindowSharingNone);
// Linux has no such API (README, "Data protection").
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
			UniqueId:               instanceID(dbPath),
			OnSecondInstanceLaunch: app.onSecondInstance,
		},
		Windows: &windows.Options{ContentProtection: true, Messages: webview2Messages},
		Linux:   &linux.Options{Icon: appIcon, ProgramName: "icm"},
		Mac:     &mac.Options{ContentProtection: true},
	}
}

// runDemo loads the demo team into the database at dbPath and reports the outcome.
func runDemo(dbPath string) int {
	ctx := context.Background()
	st, err := store.Open(ctx, dbPath)
	if err != nil {
		fmt.Fprintln(os.Stderr, "icm: cannot open the database:", domain.CodeOf(err))
		return 1
	}
	defer st.Close()
	if err := service.LoadDemo(ctx, st, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "icm: demo data not loaded:", domain.CodeOf(err))
		return 1
	}
	fmt.Println("Demo data loaded into", dbPath)
	return 0
}
