package com.journeyexplorer.api;

import org.springframework.web.HttpMediaTypeNotAcceptableException;

/**
 * Spring MVC's 406, found where an answer is about to be written ({@link AcceptedAnswers}), which may not throw a
 * checked exception; answered as Spring MVC's own by {@link ProblemAdvice}.
 */
class NotAcceptableException extends RuntimeException {

    NotAcceptableException(HttpMediaTypeNotAcceptableException cause) {
        super(cause.getMessage(), cause, false, false);
    }

    @Override
    public synchronized HttpMediaTypeNotAcceptableException getCause() {
        return (HttpMediaTypeNotAcceptableException) super.getCause();
    }
}
