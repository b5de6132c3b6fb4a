/**
 * The two generated data shapes, deterministic by seed and streamed: the demo store (31 touchpoints, planted stories)
 * and the web-shop clickstream (thousands of pages and events); and the CSV writer the benchmarks use.
 */
package com.journeyexplorer.demo;
