package com.journeyexplorer.api;

import java.util.List;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@link FilterWarnings} of a request in its JSON answer's {@code meta.warnings}, in one place for every
 * endpoint with the journey filters: the answer's {@code meta} object when it has one (a graph export in node-link
 * or Cytoscape JSON), else a {@code meta} beside its other fields. An answer without warnings is written as it is, so
 * a filter value some journey has changes nothing; a problem never carries them. The answer has to be read into a
 * tree to take them, which costs little: a selection with a warning selects no journey.
 */
@ControllerAdvice(basePackageClasses = MetaWarnings.class)
class MetaWarnings implements ResponseBodyAdvice<Object> {

    private final JsonMapper json;

    MetaWarnings(JsonMapper json) {
        this.json = json;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
            Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
            ServerHttpResponse response) {
        if (body == null || body instanceof ProblemDetail || contentType == null
                || !(request instanceof ServletServerHttpRequest servlet)
                || !(servlet.getServletRequest().getAttribute(FilterWarnings.ATTRIBUTE) instanceof List<?> warnings)
                || !(MediaType.APPLICATION_JSON.isCompatibleWith(contentType)
                        || "json".equals(contentType.getSubtypeSuffix()))) {
            return body;
        }
        boolean text = body instanceof String;
        JsonNode tree = text ? json.readTree((String) body) : json.valueToTree(body);
        if (!(tree instanceof ObjectNode answer)) {
            return body;
        }
        ObjectNode meta;
        if (answer.get("meta") instanceof ObjectNode existing) {
            meta = existing;
        } else if (text || answer.has("meta")) {
            // A file format of its own (a Sankey, a CSV read as text): no field is added to it.
            return body;
        } else {
            meta = answer.putObject("meta");
        }
        meta.set("warnings", json.valueToTree(warnings));
        return text ? json.writeValueAsString(answer) : answer;
    }
}
