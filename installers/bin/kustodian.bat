@echo off
rem Kustodian launcher of the zip download on Windows: the desktop app without arguments, the CLI with them.
rem   Java: %JAVA_HOME%\bin\java.exe, else java on PATH (17 or newer).
rem   JVM options: conf\jvm.options (one per line, # comments), for the desktop app (no arguments) then
rem   conf\jvm-desktop.options, then %KUSTODIAN_OPTS%.
rem   Class data: a class-data (AppCDS) archive written on the first run and used from then on (KUSTODIAN_CDS=off
rem   disables it). It records absolute paths: after moving the folder, delete lib\kustodian*.jsa. The desktop app
rem   (no arguments) and the CLI load different classes: each has its own archive.
rem   Main class: %KUSTODIAN_MAIN% (set by kubectl-kustodian.bat), else dev.kustodian.Main.
setlocal EnableDelayedExpansion
set "APP_HOME=%~dp0.."
for %%I in ("%APP_HOME%") do set "APP_HOME=%%~fI"

set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -version >nul 2>&1
if errorlevel 1 (
  echo error: Kustodian needs a Java 17 runtime: install one, or set JAVA_HOME to it. 1>&2
  exit /b 1
)

set "JVM_OPTS="
if exist "%APP_HOME%\conf\jvm.options" (
  for /f "usebackq eol=# tokens=* delims=" %%L in ("%APP_HOME%\conf\jvm.options") do set "JVM_OPTS=!JVM_OPTS! %%L"
)
set "DESKTOP="
if "%~1"=="" if not defined KUSTODIAN_MAIN set "DESKTOP=1"
if defined DESKTOP if exist "%APP_HOME%\conf\jvm-desktop.options" (
  for /f "usebackq eol=# tokens=* delims=" %%L in ("%APP_HOME%\conf\jvm-desktop.options") do set "JVM_OPTS=!JVM_OPTS! %%L"
)
set "JVM_OPTS=!JVM_OPTS! %KUSTODIAN_OPTS%"

set "MAIN=%KUSTODIAN_MAIN%"
if not defined MAIN set "MAIN=dev.kustodian.Main"
set "ARCHIVE=%APP_HOME%\lib\kustodian.jsa"
if defined DESKTOP set "ARCHIVE=%APP_HOME%\lib\kustodian-desktop.jsa"
set "CDS="
if /i not "%KUSTODIAN_CDS%"=="off" (
  if exist "%ARCHIVE%" (
    set CDS="-XX:SharedArchiveFile=%ARCHIVE%" -Xlog:cds*=off
  ) else (
    set CDS="-XX:ArchiveClassesAtExit=%ARCHIVE%" -Xlog:cds*=off
  )
)
"%JAVA%" !JVM_OPTS! !CDS! -cp "%APP_HOME%\kustodian.jar" !MAIN! %*
exit /b %ERRORLEVEL%
