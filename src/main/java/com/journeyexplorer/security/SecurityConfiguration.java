package com.journeyexplorer.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import com.journeyexplorer.config.JourneysProperties;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may do what. Writes (every method under {@code /api/} but GET, HEAD, OPTIONS and {@code POST /api/predict},
 * which only reads) need the API key, and so does the read-only Cypher
 * endpoint unless {@code journeys.cypher.open-to-readers} (one arbitrary query can keep a core busy for its whole time
 * limit); GETs are open unless {@code journeys.security.protect-reads}, and OPTIONS (which only lists the allowed
 * methods) follows the rule of GET at each address; the UI, the API docs and the health check are always open.
 * Stateless: no session, no cookie. Not active in the command-line import, which has no web server.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /**
     * The key check; being the only {@code AuthenticationManager} it also stops Boot from creating a default user
     * with a logged password.
     */
    @Bean
    ApiKeyAuthentication apiKeyAuthentication(JourneysProperties properties) {
        return new ApiKeyAuthentication(ApiKey.of(properties));
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyAuthentication apiKey, JourneysProperties properties)
            throws Exception {
        ProblemResponses problems = new ProblemResponses();
        AuthenticationFilter keyFilter = new AuthenticationFilter(apiKey, apiKey);
        keyFilter.setFailureHandler(new AuthenticationEntryPointFailureHandler(problems));
        keyFilter.setSuccessHandler((request, response, authentication) -> {
            // Carry on with the request: no redirect, no session.
        });
        boolean protectReads = properties.security().protectReads();
        boolean openCypher = properties.cypher().openToReaders();
        http
                // CSRF protection guards cookie-authenticated browser sessions. This API authenticates each request
                // with a header token and sets no cookies, so a forged cross-site request carries no credentials.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .addFilterBefore(keyFilter, AnonymousAuthenticationFilter.class)
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll();
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs",
                            "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**", "/error")
                            .permitAll();
                    if (protectReads) {
                        requests.requestMatchers("/api/**", "/actuator/**").authenticated();
                    } else {
                        requests.requestMatchers(HttpMethod.GET, "/api/**").permitAll();
                        requests.requestMatchers(HttpMethod.HEAD, "/api/**").permitAll();
                        // OPTIONS only tells the methods allowed (a safe read, as GET), at any address under /api.
                        requests.requestMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
                        // Predictions compute an answer from the data and write nothing: a read, sent as a POST
                        // for its body.
                        requests.requestMatchers(HttpMethod.POST, "/api/predict").permitAll();
                        if (openCypher) {
                            requests.requestMatchers(HttpMethod.POST, "/api/cypher").permitAll();
                        }
                        requests.requestMatchers("/api/**").authenticated();
                    }
                    // The page, its static files and anything else read-only; no other writes exist outside /api.
                    requests.requestMatchers(HttpMethod.GET, "/**").permitAll();
                    requests.requestMatchers(HttpMethod.HEAD, "/**").permitAll();
                    requests.requestMatchers(HttpMethod.OPTIONS, "/**").permitAll();
                    requests.anyRequest().authenticated();
                });
        return http.build();
    }

    /**
     * Touchpoint names, journey ids and customer ids are data, not paths: a name such as
     * {@code /google+redesign/apparel}, {@code https://example.com/} or {@code 50% off?}, or a GA4 key
     * {@code u1\|2|1777888800}, reaches a path variable percent-encoded ({@code %2F}, {@code %2F%2F}, {@code %25},
     * {@code %5C}, {@code %3B}), which the default firewall refuses. Under {@code /api/} those are let through
     * (Tomcat passes {@code %2F} and {@code %5C} on undecoded, and Spring decodes each path segment once); a bare
     * {@code ;} or {@code \} stays refused (a bare {@code ;} would end the segment as a path parameter), and so does
     * every other rule of the strict firewall: a {@code .} or {@code ..} segment, percent-encoded or not, and
     * {@code %2E}, which could hide one. A bare {@code |}, which Tomcat lets through in a path
     * ({@code server.tomcat.relaxed-path-chars}), passes under {@code /api/} as the character it is in an id of several
     * columns ({@code u1|1777888800}). Elsewhere (the page's files, the actuator, the API docs) no address holds an
     * id, and the strict firewall keeps all its rules, and refuses a bare {@code |} as Tomcat did. A refused request
     * is an RFC 9457 problem saying why and naming the query parameters that carry any id ({@link ProblemResponses}).
     */
    @Bean
    WebSecurityCustomizer encodedNamesInPaths() {
        StrictHttpFirewall ids = new StrictHttpFirewall();
        ids.setAllowUrlEncodedSlash(true);
        ids.setAllowUrlEncodedDoubleSlash(true);
        ids.setAllowUrlEncodedPercent(true);
        ids.setAllowBackSlash(true);
        ids.setAllowSemicolon(true);
        // Only their percent-encoded forms: the address as sent, and the path as Tomcat decoded it, hold no bare one.
        ids.getEncodedUrlBlocklist().addAll(List.of(";", "\\"));
        ids.getDecodedUrlBlocklist().add("\\");
        StrictHttpFirewall strict = new StrictHttpFirewall();
        // The address as sent: %7C stays allowed, as before.
        strict.getEncodedUrlBlocklist().add("|");
        HttpFirewall firewall = new HttpFirewall() {
            @Override
            public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
                boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
                return (api ? ids : strict).getFirewalledRequest(request);
            }

            @Override
            public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
                return strict.getFirewalledResponse(response);
            }
        };
        ProblemResponses problems = new ProblemResponses();
        return web -> web.httpFirewall(firewall).requestRejectedHandler(problems);
    }

    /** CORS is off unless origins are listed: then they may read (GET) and send the API key header. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(JourneysProperties properties) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = properties.cors().allowedOrigins();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "HEAD"));
            cors.setAllowedHeaders(List.of(ApiKeyAuthentication.HEADER, "Authorization", "Accept"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/api/**", cors);
        }
        return source;
    }
}
