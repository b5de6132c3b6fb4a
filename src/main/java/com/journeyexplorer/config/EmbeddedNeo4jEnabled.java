package com.journeyexplorer.config;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded database runs unless turned off, or unless an external server is named by {@code spring.neo4j.uri}.
 */
class EmbeddedNeo4jEnabled extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        if (StringUtils.hasText(environment.getProperty("spring.neo4j.uri"))) {
            return ConditionOutcome.noMatch("spring.neo4j.uri names an external Neo4j server");
        }
        boolean enabled = environment.getProperty("journeys.neo4j.embedded.enabled", Boolean.class, true);
        return enabled ? ConditionOutcome.match("embedded Neo4j enabled")
                : ConditionOutcome.noMatch("journeys.neo4j.embedded.enabled=false");
    }
}
