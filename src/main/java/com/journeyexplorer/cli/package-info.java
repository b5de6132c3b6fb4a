/**
 * The command-line import ({@code java -jar journey-explorer.jar import FILE}), with a progress bar and exit codes, and
 * the bulk load of an empty store ({@code import --bulk FILE...}), which reads only the app's settings and starts
 * neither the app nor its database.
 */
package com.journeyexplorer.cli;
