package com.journeyexplorer.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;

/**
 * What Neo4j answers while its database stops or starts (seen from the other instances while the host of the embedded
 * database restarts: "The database is not currently available to serve your request"), a transient error, is answered
 * as a 503 problem, as an unreachable server is, and not as a 500. The error cannot be made on demand here (stopping
 * one database is not in Neo4j Community), so the advice is asked which of its handlers takes it, as Spring MVC asks.
 */
class DatabaseTransientErrorTests {

    @Test
    void aTransientErrorOfNeo4jIsA503ProblemWithoutTheDriversMessage() throws Exception {
        TransientException unavailable = new TransientException("Neo.TransientError.General.DatabaseUnavailable",
                "The database is not currently available to serve your request, refer to the database logs for more "
                        + "details. Retrying your request at a later time may succeed.");

        Method handler = new ExceptionHandlerMethodResolver(ProblemAdvice.class).resolveMethod(unavailable);
        Object answer = handler.invoke(new ProblemAdvice(), unavailable);
        ProblemDetail problem = answer instanceof ResponseEntity<?> entity ? (ProblemDetail) entity.getBody()
                : (ProblemDetail) answer;

        assertThat(problem.getStatus()).isEqualTo(503);
        assertThat(problem.getType().toString()).endsWith("/database-unavailable");
        assertThat(problem.getDetail()).doesNotContain("database logs");
    }
}
