package com.journeyexplorer.analysis;

/** An analysis stopped at a {@link WorkBudget} check; {@code narrowingHint} says which parameters would narrow it. */
public class WorkBudgetExceededException extends RuntimeException {

    private final String narrowingHint;
    private final boolean shuttingDown;

    public WorkBudgetExceededException(String message, String narrowingHint, boolean shuttingDown) {
        super(message, null, false, false);
        this.narrowingHint = narrowingHint;
        this.shuttingDown = shuttingDown;
    }

    public String narrowingHint() {
        return narrowingHint;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }
}
