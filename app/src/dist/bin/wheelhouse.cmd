@echo off
rem Launches Wheelhouse on Windows: no arguments opens the console, otherwise a headless command.
setlocal
set "HOME_DIR=%~dp0.."
if defined WHEELHOUSE_JAVA_HOME (set "JAVA=%WHEELHOUSE_JAVA_HOME%\bin\java.exe") else if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java.exe") else (set "JAVA=java.exe")
"%JAVA%" --enable-native-access=ALL-UNNAMED %WHEELHOUSE_JAVA_OPTS% -cp "%HOME_DIR%\lib\*" dev.wheelhouse.app.Main %*
exit /b %ERRORLEVEL%
