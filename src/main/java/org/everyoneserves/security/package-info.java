/**
 * Sign-in and who is asking: the one authentication mechanism (form sign-in for pages, bearer tokens for the API),
 * passwords and password links, throttling, the app's access and refresh tokens, and the producer of the request's
 * {@link org.everyoneserves.platform.Caller}; sign-in with the company's OpenID Connect provider (the {@code Oidc*}
 * classes, for pages and for the app); the security log and the sign-in events it stores. Owns the credential,
 * password-link, sign-in, sign-in-event, API-token and OIDC-link tables.
 *
 * <p>May call: people, notifications (e-mail), platform.
 */
package org.everyoneserves.security;
