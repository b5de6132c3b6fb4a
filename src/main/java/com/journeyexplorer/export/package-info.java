/** One class per graph format (node-link JSON, Cytoscape, Sankey, GraphML, GEXF, DOT, CSV) of one export graph. */
package com.journeyexplorer.export;
