Unicode true
# Smaller download: LZMA over the whole archive (the program compresses to about a third).
SetCompressor /SOLID lzma

####
## The ICM installer for Windows, built on Linux by scripts/dist.sh through
## `wails build -platform windows/amd64 -nsis -installscope user`.
##
## - Installs for the signed-in user only (no administrator rights): the program goes to
##   %LOCALAPPDATA%\Programs\ICM, a Start menu entry and (optional) a desktop shortcut.
##   Beside the window program icm.exe it installs icmctl.exe, the console program IT runs
##   the headless commands with (scripts/dist.sh builds it into build\bin first).
## - The uninstaller stops before it removes anything while icm.exe or icmctl.exe runs (a
##   running program's file cannot be opened for writing): it asks to close ICM and retry;
##   a silent uninstall ends with error level 3.
## - The data (the database icm.db and print files) lives elsewhere, in %LOCALAPPDATA%\ICM
##   (backend/appdir). Uninstalling keeps it unless the user says yes to deleting it, or
##   runs `uninstall.exe /S /DELETEDATA`.
## - WebView2: Windows 10 and 11 normally have the Evergreen WebView2 Runtime. When it is
##   missing, the installer runs Microsoft's standalone installer if IT put
##   MicrosoftEdgeWebView2RuntimeInstallerX64.exe next to this setup file (works offline);
##   otherwise it offers Microsoft's small online bootstrapper (needs internet) or to go on
##   without it, and says what to ask IT for.
##
## wails_tools.nsh is rewritten by every `wails build -nsis` from wails.json (name,
## version, company): do not edit it; everything ICM-specific is in this file.
####

!ifndef WAILS_INSTALL_SCOPE
  !define WAILS_INSTALL_SCOPE "user"
!endif
!ifndef REQUEST_EXECUTION_LEVEL
  !define REQUEST_EXECUTION_LEVEL "user"
!endif
!define UNINST_KEY_NAME "ICM"
!define PRODUCT_EXECUTABLE "icm.exe"
# The console program for IT (cmd/icmctl), installed beside the window program.
!define CONSOLE_EXECUTABLE "icmctl.exe"
# The uninstaller's error level when ICM runs and it removed nothing.
!define EXIT_ICM_RUNNING 3
# Wails' Windows 10 and architecture refusals (wails_tools.nsh), in the user's language.
!define WAILS_WIN10_REQUIRED "$(win10Required)"
!define WAILS_ARCHITECTURE_NOT_SUPPORTED "$(archNotSupported)"
# The app's data folder under %LOCALAPPDATA% (appdir.AppName).
!define DATA_DIR_NAME "ICM"
# Microsoft's offline (standalone) Evergreen WebView2 Runtime installer, as IT downloads it.
!define WEBVIEW2_STANDALONE "MicrosoftEdgeWebView2RuntimeInstallerX64.exe"
!define WEBVIEW2_GUID "{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define SETTINGS_KEY "Software\ICM"

!include "wails_tools.nsh"

!if "${WAILS_INSTALL_SCOPE}" != "user"
  !error "The ICM installer is per-user: build it with -installscope user"
!endif

# The version information for these two must consist of 4 parts.
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"

VIAddVersionKey /LANG=0 "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${INFO_PRODUCTNAME} – installation"
VIAddVersionKey /LANG=0 "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey /LANG=0 "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=0 "ProductName"     "${INFO_PRODUCTNAME}"

# Sharp text on high-DPI screens.
ManifestDPIAware true

!include "MUI2.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

# Danish first: it is the default when Windows speaks neither language.
!insertmacro MUI_LANGUAGE "Danish"
!insertmacro MUI_LANGUAGE "English"

LangString secProgram ${LANG_DANISH} "ICM (programmet)"
LangString secProgram ${LANG_ENGLISH} "ICM (the program)"
LangString secDesktop ${LANG_DANISH} "Genvej på skrivebordet"
LangString secDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString wv2Found ${LANG_DANISH} "WebView2 Runtime findes: version $0"
LangString wv2Found ${LANG_ENGLISH} "WebView2 Runtime present: version $0"
LangString wv2Standalone ${LANG_DANISH} "Installerer WebView2 Runtime fra ${WEBVIEW2_STANDALONE} …"
LangString wv2Standalone ${LANG_ENGLISH} "Installing the WebView2 Runtime from ${WEBVIEW2_STANDALONE} …"
LangString wv2Online ${LANG_DANISH} "Henter og installerer WebView2 Runtime fra Microsoft …"
LangString wv2Online ${LANG_ENGLISH} "Downloading and installing the WebView2 Runtime from Microsoft …"
LangString wv2Ask ${LANG_DANISH} "ICM viser sit vindue med Microsoft Edge WebView2 Runtime, som mangler på denne computer.$\r$\n$\r$\nJa: hent den fra Microsoft nu (kræver internet).$\r$\nNej: installer ICM alligevel – programmet starter først, når IT har installeret WebView2 Runtime.$\r$\nAnnuller: stop installationen.$\r$\n$\r$\nUden internet: læg ${WEBVIEW2_STANDALONE} i samme mappe som denne installationsfil og kør den igen.$\r$\n$\r$\n(English: the WebView2 Runtime is missing. Yes downloads it, No installs ICM without it, Cancel stops.)"
LangString wv2Ask ${LANG_ENGLISH} "ICM shows its window with the Microsoft Edge WebView2 Runtime, which this computer does not have.$\r$\n$\r$\nYes: download it from Microsoft now (needs internet).$\r$\nNo: install ICM anyway – it starts once IT has installed the WebView2 Runtime.$\r$\nCancel: stop the installation.$\r$\n$\r$\nWithout internet: put ${WEBVIEW2_STANDALONE} in the same folder as this setup file and run it again."
LangString wv2StillMissing ${LANG_DANISH} "WebView2 Runtime blev ikke installeret. ICM er installeret, men starter først, når IT har installeret Microsoft Edge WebView2 Runtime (Evergreen, standalone)."
LangString wv2StillMissing ${LANG_ENGLISH} "The WebView2 Runtime was not installed. ICM is installed but starts only once IT has installed the Microsoft Edge WebView2 Runtime (Evergreen, standalone)."
LangString wv2Skipped ${LANG_DANISH} "WebView2 Runtime mangler: ICM starter først, når den er installeret."
LangString wv2Skipped ${LANG_ENGLISH} "WebView2 Runtime missing: ICM starts once it is installed."
LangString win10Required ${LANG_DANISH} "ICM kræver Windows 10 (eller Windows Server 2016) eller nyere. Kontakt IT for at få computeren opdateret."
LangString win10Required ${LANG_ENGLISH} "ICM needs Windows 10 (or Windows Server 2016) or later. Contact IT to have the computer updated."
LangString archNotSupported ${LANG_DANISH} "ICM kan kun installeres på en 64-bit Windows-computer med en Intel- eller AMD-processor (x64)."
LangString archNotSupported ${LANG_ENGLISH} "ICM installs only on 64-bit Windows with an Intel or AMD processor (x64)."
LangString unRunning ${LANG_DANISH} "ICM kører stadig ($R9).$\r$\n$\r$\nLuk ICM (og vent, til en igangværende kommando som en gendannelse er færdig), og vælg Prøv igen. Annuller stopper afinstallationen, uden at noget er fjernet.$\r$\n$\r$\n(English: ICM is still running. Close it and choose Retry; Cancel stops and removes nothing.)"
LangString unRunning ${LANG_ENGLISH} "ICM is still running ($R9).$\r$\n$\r$\nClose ICM (and wait for a command such as a restore to finish), then choose Retry. Cancel stops the uninstall without removing anything."
LangString unStopped ${LANG_DANISH} "Afinstallationen er stoppet: ICM kører. Intet er fjernet."
LangString unStopped ${LANG_ENGLISH} "Uninstall stopped: ICM is running. Nothing was removed."
LangString instRunning ${LANG_DANISH} "ICM kører ($R9).$\r$\n$\r$\nLuk ICM (og vent, til en igangværende kommando som en gendannelse er færdig), og vælg Prøv igen. Annuller stopper installationen, uden at noget er ændret.$\r$\n$\r$\n(English: ICM is running. Close it and choose Retry; Cancel stops and changes nothing.)"
LangString instRunning ${LANG_ENGLISH} "ICM is running ($R9).$\r$\n$\r$\nClose ICM (and wait for a command such as a restore to finish), then choose Retry. Cancel stops the installation without changing anything."
LangString instStopped ${LANG_DANISH} "Installationen er stoppet: ICM kører. Intet er ændret."
LangString instStopped ${LANG_ENGLISH} "Installation stopped: ICM is running. Nothing was changed."
LangString unAskData ${LANG_DANISH} "Skal ICM's data også slettes?$\r$\n$\r$\n$LOCALAPPDATA\${DATA_DIR_NAME}$\r$\n$\r$\nMappen indeholder databasen med alle borgere, forløb og notater. Vælg Nej (anbefalet) for at beholde den, fx til en ny installation eller en sikkerhedskopi. Sletning kan ikke fortrydes.$\r$\n$\r$\n(English: also delete ICM's data? No keeps it; deleting cannot be undone.)"
LangString unAskData ${LANG_ENGLISH} "Delete ICM's data as well?$\r$\n$\r$\n$LOCALAPPDATA\${DATA_DIR_NAME}$\r$\n$\r$\nThe folder holds the database with every citizen, course and note. Choose No (recommended) to keep it, for a new installation or a backup. Deleting cannot be undone."
LangString unDataKept ${LANG_DANISH} "Data er bevaret i $LOCALAPPDATA\${DATA_DIR_NAME}"
LangString unDataKept ${LANG_ENGLISH} "Data kept in $LOCALAPPDATA\${DATA_DIR_NAME}"
LangString unDataDeleted ${LANG_DANISH} "Data er slettet: $LOCALAPPDATA\${DATA_DIR_NAME}"
LangString unDataDeleted ${LANG_ENGLISH} "Data deleted: $LOCALAPPDATA\${DATA_DIR_NAME}"

## To sign the installer and the uninstaller (the paths are given in %1):
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
BrandingText "${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe"
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
ShowInstDetails show
ShowUninstDetails show

# Sets $0 to the installed WebView2 Runtime version, or "" when there is none. Microsoft's
# rule: the runtime is installed when "pv" exists and is neither empty nor 0.0.0.0, per
# machine (the 32-bit registry view) or per user.
!macro ICM_WEBVIEW2_VERSION
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\Microsoft\EdgeUpdate\Clients\${WEBVIEW2_GUID}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
!macroend

Function .onInit
  !insertmacro wails.checkArchitecture
  SetShellVarContext current
FunctionEnd

Function EnsureWebView2
  !insertmacro ICM_WEBVIEW2_VERSION
  ${If} $0 != ""
    DetailPrint "$(wv2Found)"
    Return
  ${EndIf}

  ${If} ${FileExists} "$EXEDIR\${WEBVIEW2_STANDALONE}"
    DetailPrint "$(wv2Standalone)"
    ExecWait '"$EXEDIR\${WEBVIEW2_STANDALONE}" /silent /install' $1
  ${Else}
    # Silent installs (/S) go on without it, as "No" does.
    MessageBox MB_YESNOCANCEL|MB_ICONEXCLAMATION "$(wv2Ask)" /SD IDNO IDYES online IDNO skip
    Abort
    online:
      DetailPrint "$(wv2Online)"
      InitPluginsDir
      SetOutPath "$PLUGINSDIR\webview2"
      File "tmp\MicrosoftEdgeWebview2Setup.exe"
      ExecWait '"$PLUGINSDIR\webview2\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
      Goto check
    skip:
      DetailPrint "$(wv2Skipped)"
      Return
  ${EndIf}

  check:
  !insertmacro ICM_WEBVIEW2_VERSION
  ${If} $0 == ""
    DetailPrint "$(wv2Skipped)"
    MessageBox MB_OK|MB_ICONEXCLAMATION "$(wv2StillMissing)" /SD IDOK
  ${Else}
    DetailPrint "$(wv2Found)"
  ${EndIf}
FunctionEnd

Section "!$(secProgram)" SecProgram
  SectionIn RO
  SetShellVarContext current

  Call EnsureICMClosed
  Call EnsureWebView2

  SetOutPath $INSTDIR
  !insertmacro wails.files
  # Built by scripts/dist.sh (go build ./cmd/icmctl) before the installer is made.
  File "..\..\bin\${CONSOLE_EXECUTABLE}"
  # Written by scripts/dist.sh before the installer is built.
  File "/oname=THIRD-PARTY-LICENSES.txt" "..\..\dist\THIRD-PARTY-LICENSES.txt"

  CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"

  !insertmacro wails.associateFiles
  !insertmacro wails.associateCustomProtocols

  !insertmacro wails.writeUninstaller
SectionEnd

Section "$(secDesktop)" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}"
SectionEnd

# Sets $R8 to 1 when the program $R9 runs for this user, else 0. The deciding check is the
# process list (tasklist, filtered to this user's processes with that image name, piped
# to find, whose exit code says whether it is there): a read-only icm.exe, an ACL set by
# software distribution or an antivirus scan holding the file does not count as running.
# Only where tasklist cannot be run at all does the older check decide: Windows keeps a
# running program's file from being opened for writing.
!macro ICM_RUNNING_FUNCTION UN
Function ${UN}ICMRunning
  StrCpy $R8 0
  nsExec::ExecToStack '"$SYSDIR\cmd.exe" /c ""$SYSDIR\tasklist.exe" /NH /FI "IMAGENAME eq $R9" /FI "USERNAME eq %USERDOMAIN%\%USERNAME%" | "$SYSDIR\find.exe" /I "$R9""'
  Pop $0 # exit code of find: 0 found, 1 not found; "error" when it could not run
  Pop $1 # the output, unused
  ${If} $0 == 0
    StrCpy $R8 1
  ${ElseIf} $0 == "error"
  ${AndIf} ${FileExists} "$INSTDIR\$R9"
    ClearErrors
    FileOpen $0 "$INSTDIR\$R9" a
    ${If} ${Errors}
      StrCpy $R8 1
    ${Else}
      FileClose $0
    ${EndIf}
  ${EndIf}
FunctionEnd

# Sets $R8 to 1 when the window program or the console program runs (then $R9 names it).
Function ${UN}ICMAnyRunning
  StrCpy $R9 "${PRODUCT_EXECUTABLE}"
  Call ${UN}ICMRunning
  ${If} $R8 == 0
    StrCpy $R9 "${CONSOLE_EXECUTABLE}"
    Call ${UN}ICMRunning
  ${EndIf}
FunctionEnd
!macroend
!insertmacro ICM_RUNNING_FUNCTION ""
!insertmacro ICM_RUNNING_FUNCTION "un."

# Stops the installation before any file is overwritten while ICM runs (an update over a
# running icm.exe would fail half-way, or leave an old icm.exe beside a new icmctl.exe).
# The user closes ICM and retries; a silent install (/S) stops with error level
# ${EXIT_ICM_RUNNING}. Cancel says that it stopped, before the installer ends.
Function EnsureICMClosed
  retry:
  Call ICMAnyRunning
  ${If} $R8 == 1
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(instRunning)" /SD IDCANCEL IDRETRY retry
    ${IfNot} ${Silent}
      MessageBox MB_OK|MB_ICONINFORMATION "$(instStopped)"
    ${EndIf}
    DetailPrint "$(instStopped)"
    SetErrorLevel ${EXIT_ICM_RUNNING}
    Quit
  ${EndIf}
FunctionEnd

# Stops the uninstall before anything is removed while the window program or the console
# program runs. The user closes ICM and retries; a silent uninstall (/S) stops with error
# level ${EXIT_ICM_RUNNING}, so that a script sees it (README: how a script waits for it).
# Cancel says that it stopped (a line in the details would vanish with Quit).
Function un.EnsureICMClosed
  retry:
  Call un.ICMAnyRunning
  ${If} $R8 == 1
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(unRunning)" /SD IDCANCEL IDRETRY retry
    ${IfNot} ${Silent}
      MessageBox MB_OK|MB_ICONINFORMATION "$(unStopped)"
    ${EndIf}
    DetailPrint "$(unStopped)"
    SetErrorLevel ${EXIT_ICM_RUNNING}
    Quit
  ${EndIf}
FunctionEnd

Section "uninstall"
  SetShellVarContext current
  Call un.EnsureICMClosed

  # The program, its shortcuts and its registry entries. Only our own files are removed,
  # so a folder the user picked that holds other things survives.
  Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
  Delete "$INSTDIR\${CONSOLE_EXECUTABLE}"
  Delete "$INSTDIR\THIRD-PARTY-LICENSES.txt"
  !insertmacro wails.unassociateFiles
  !insertmacro wails.unassociateCustomProtocols
  !insertmacro wails.deleteUninstaller
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${INFO_PRODUCTNAME}.lnk"
  Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"
  DeleteRegKey HKCU "${SETTINGS_KEY}"

  # The WebView2 cache Wails keeps in %APPDATA%\icm.exe (no case data: the app keeps none
  # in the browser side).
  RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"

  # The data: kept unless asked. Silent uninstalls keep it unless /DELETEDATA is given.
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA" $R1
  ${IfNot} ${Errors}
    Goto deleteData
  ${EndIf}
  MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(unAskData)" /SD IDNO IDYES deleteData
  DetailPrint "$(unDataKept)"
  Goto done
  deleteData:
    RMDir /r "$LOCALAPPDATA\${DATA_DIR_NAME}"
    DetailPrint "$(unDataDeleted)"
  done:
SectionEnd
