package com.journeyexplorer.graph;

import java.util.List;

/**
 * An entry that cannot be undone as asked: it is not finished, was undone already, is itself an undo or an erasure, or
 * later entries changed what it wrote ({@link #laterImports()}, to be undone first, newest first). Nothing was
 * changed: 409.
 */
public class UndoConflictException extends RuntimeException {

    private final String importId;
    private final List<String> laterImports;

    public UndoConflictException(String importId, String message, List<String> laterImports) {
        super(message);
        this.importId = importId;
        this.laterImports = List.copyOf(laterImports);
    }

    public String importId() {
        return importId;
    }

    public List<String> laterImports() {
        return laterImports;
    }
}
