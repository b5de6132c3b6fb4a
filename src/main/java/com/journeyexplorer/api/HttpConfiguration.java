package com.journeyexplorer.api;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.apache.tomcat.util.res.StringManager;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import com.journeyexplorer.export.CleanNumbers;

/**
 * How answers and errors travel over HTTP: numbers written {@link CleanNumbers cleaned}; touchpoint names and ids
 * with an encoded slash or backslash ({@code %2F}, {@code %5C}) reach the path variables whole, as Tomcat passes both
 * on undecoded (it would split the path at the one and refuse the other) and Spring decodes each path segment once;
 * and the errors Tomcat answers itself, before any
 * servlet runs (a malformed percent-encoding, an illegal character in the request line), are RFC 9457 problems
 * like every other error instead of Tomcat's HTML page.
 */
@Configuration(proxyBeanMethods = false)
class HttpConfiguration {

    @Bean
    JsonMapperBuilderCustomizer cleanNumbers() {
        return builder -> builder.addModule(CleanNumbers.module());
    }

    /**
     * Answers in JSON alone, as the API promises: the YAML converter Spring adds for a YAML library on the class path
     * (springdoc's, which writes {@code /v3/api-docs.yaml} itself) would answer {@code Accept: application/yaml} from a
     * mapper of its own, its numbers not cleaned and absent fields written as nulls. Without it, such a request is a
     * 406 problem like any other media type the API does not write.
     */
    @Bean
    ServerHttpMessageConvertersCustomizer jsonAnswersOnly() {
        return builder -> builder.configureMessageConvertersList(converters -> converters.removeIf(converter ->
                converter.getSupportedMediaTypes().stream().anyMatch(type -> type.getSubtype().endsWith("yaml"))));
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> namesAndContainerErrors() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            factory.addContextCustomizers(context -> {
                Container parent = context.getParent();
                if (parent instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    boolean present = false;
                    for (Valve valve : host.getPipeline().getValves()) {
                        present |= valve instanceof ProblemReportValve;
                    }
                    if (!present) {
                        host.getPipeline().addValve(new ProblemReportValve());
                    }
                }
            });
        };
    }

    /**
     * Tomcat's last resort for an error response without a body: a problem document instead of an HTML page. Errors
     * that reach the application are answered by {@link ProblemAdvice} and {@link ProblemErrorController} first.
     */
    static final class ProblemReportValve extends ErrorReportValve {

        private static final StringManager TOMCAT_HTTP11 = StringManager.getManager("org.apache.coyote.http11");

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String title = known == null ? "Error" : known.getReasonPhrase();
            String tooMany = ContainerRefusals.tooMany(throwable);
            String limit = request.getConnector().getProperty("maxHttpRequestHeaderSize") + " bytes together, "
                    + "server.max-http-request-header-size";
            String detail = status != 400 ? title
                    : tooMany != null ? tooMany
                    : tooLarge(throwable) && addressRead(request) ? "The request's headers are longer than the "
                            + "server reads with its address (" + limit + "): send fewer or shorter headers"
                    : tooLarge(throwable) ? "The request's address and headers are longer than the server reads ("
                            + limit + "): send fewer or shorter query parameters"
                    : invalidTarget(throwable) || unencoded(request) ? "The address holds a character that must "
                            + "be percent-encoded (\", <, >, one beyond ASCII, or in a path \\, ^, `, {, }): "
                            + "encode each id, name and value as encodeURIComponent does (\\ as %5C, { as %7B, "
                            + "\u00e9 as %C3%A9)"
                    : "The request is malformed (for example a '%' in the address that does not start a "
                            + "percent-encoded byte: write it as %25)";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemErrorController.json(status, title, detail, null));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // The client is gone or the response was committed meanwhile: nothing more to tell it.
            }
        }

        /**
         * Whether Tomcat read the request line whole before its buffer ran out, so that the headers made the request
         * too large rather than the address.
         */
        private static boolean addressRead(Request request) {
            return !request.getCoyoteRequest().requestURI().isNull();
        }

        /**
         * Whether Tomcat refused the request line for a character an address may not hold unencoded (a bare
         * {@code \} in a GA4 journey key, say; a bare {@code |} it lets through in a path), by its message as
         * {@link #tooLarge} does.
         */
        private static boolean invalidTarget(Throwable throwable) {
            String template = TOMCAT_HTTP11.getString("iib.invalidRequestTarget");
            int slot = template.indexOf("{0}");
            return throwable instanceof IllegalArgumentException && slot > 0 && throwable.getMessage() != null
                    && throwable.getMessage().startsWith(template.substring(0, slot));
        }

        /**
         * Whether the address as sent holds a character that must be percent-encoded, which Tomcat refuses after
         * reading the request line, without an exception to tell it by.
         */
        private static boolean unencoded(Request request) {
            if (request.getCoyoteRequest().requestURI().isNull()) {
                return false;
            }
            String uri = request.getCoyoteRequest().requestURI().toString();
            for (int i = 0; i < uri.length(); i++) {
                char c = uri.charAt(i);
                if (c <= ' ' || c >= 0x7F || "\"<>\\^`{}".indexOf(c) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Whether Tomcat refused the request for an address and headers beyond its buffer: a 100 KB query string
         * would otherwise be told about a '%' sign. Tomcat has no exception type of its own for it, so its message is
         * compared, in the language Tomcat wrote it in.
         */
        private static boolean tooLarge(Throwable throwable) {
            return throwable instanceof IllegalArgumentException && TOMCAT_HTTP11.getString(
                    "iib.requestheadertoolarge.error").equals(throwable.getMessage());
        }
    }
}
