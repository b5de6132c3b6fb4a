package com.journeyexplorer.api;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A bare {@code |} in a path under {@code /api/}, as a journey id of several columns is typed
 * ({@code /api/journeys/u1|1700000000}), which Tomcat lets through ({@code server.tomcat.relaxed-path-chars}): the
 * rest of the app sees the address as a client that encodes it sends it ({@code %7C}), which names the same id, so that
 * every reader of the address (the firewall, Spring's path variables, a problem's {@code instance}, which must be a
 * URI) reads a valid one. Outside {@code /api/} the address is left as sent, and the firewall refuses it. Runs first,
 * before the request metrics and security. O(address) for an address with a bar; nothing otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class VerticalBarFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        if (uri.indexOf('|') < 0 || !uri.startsWith(request.getContextPath() + "/api/")) {
            chain.doFilter(request, response);
            return;
        }
        String encoded = uri.replace("|", "%7C");
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRequestURI() {
                return encoded;
            }

            @Override
            public StringBuffer getRequestURL() {
                return new StringBuffer(super.getRequestURL().toString().replace("|", "%7C"));
            }
        }, response);
    }
}
