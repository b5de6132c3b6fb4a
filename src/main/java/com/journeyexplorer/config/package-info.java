/** Settings ({@code journeys.*}) and the embedded Neo4j server with its Bolt connector. */
package com.journeyexplorer.config;
