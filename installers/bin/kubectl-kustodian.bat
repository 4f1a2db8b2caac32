@echo off
rem kubectl plugin launcher on Windows: `kubectl kustodian ARGS` runs `kustodian ARGS`.
setlocal
set "KUSTODIAN_MAIN=dev.kustodian.cli.KubectlPlugin"
call "%~dp0kustodian.bat" %*
exit /b %ERRORLEVEL%
