package com.journeyexplorer.security;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Reads the key from {@code X-API-Key} or {@code Authorization: Bearer} and checks it. Plugged into Spring Security's
 * own {@code AuthenticationFilter}: a request without a key stays anonymous (and is refused where a key is
 * required); a request with a wrong key is refused everywhere.
 */
final class ApiKeyAuthentication implements AuthenticationConverter, AuthenticationManager {

    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";
    private static final String PRINCIPAL = "api-key";

    private final ApiKey key;

    ApiKeyAuthentication(ApiKey key) {
        this.key = key;
    }

    @Override
    public Authentication convert(HttpServletRequest request) {
        String candidate = request.getHeader(HEADER);
        if (candidate == null) {
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                candidate = authorization.substring(BEARER.length());
            }
        }
        return candidate == null ? null : new PreAuthenticatedAuthenticationToken(PRINCIPAL, candidate);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!key.matches(String.valueOf(authentication.getCredentials()))) {
            throw new BadCredentialsException("the API key is wrong");
        }
        return new PreAuthenticatedAuthenticationToken(PRINCIPAL, null,
                List.of(new SimpleGrantedAuthority("ROLE_API_CLIENT")));
    }
}
