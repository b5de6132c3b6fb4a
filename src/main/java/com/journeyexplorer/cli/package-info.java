/** The command-line import ({@code java -jar journey-explorer.jar import FILE}), with a progress bar and exit codes. */
package com.journeyexplorer.cli;
