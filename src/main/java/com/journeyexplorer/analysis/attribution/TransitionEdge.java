package com.journeyexplorer.analysis.attribution;

import org.jgrapht.graph.DefaultWeightedEdge;

/** An edge of a transition graph; a class, not a record, so that its identity does not depend on its endpoints. */
public class TransitionEdge extends DefaultWeightedEdge {

    private static final long serialVersionUID = 1L;
}
