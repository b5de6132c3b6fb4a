/** Who may do what: the API key on writes and on the Cypher endpoint, open reads, CORS. */
package com.journeyexplorer.security;
