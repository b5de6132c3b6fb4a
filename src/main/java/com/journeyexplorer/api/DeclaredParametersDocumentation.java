package com.journeyexplorer.api;

import java.util.ArrayList;
import java.util.List;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;

/**
 * The OpenAPI query parameters of every endpoint marked {@link DeclaredParameters}, written from its
 * {@link EndpointParameters} declaration: path parameters stay as described on the method, the query parameters are
 * the declared ones in their order. Runs once, when the OpenAPI document is first asked for.
 */
@Component
class DeclaredParametersDocumentation implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        DeclaredParameters declared = handler.getMethodAnnotation(DeclaredParameters.class);
        if (declared == null) {
            return operation;
        }
        EndpointParameters endpoint = EndpointParameters.declaredBy(handler.getBeanType(), declared.value());
        List<Parameter> parameters = new ArrayList<>();
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(parameter -> !"query".equals(parameter.getIn()))
                    .forEach(parameters::add);
        }
        endpoint.documented().forEach(parameter -> parameters.add(parameter.openApi()));
        operation.setParameters(parameters);
        return operation;
    }
}
