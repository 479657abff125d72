package org.everyoneserves.security;

import static jakarta.security.enterprise.AuthenticationStatus.SUCCESS;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.auth.message.callback.CallerPrincipalCallback;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.everyoneserves.platform.web.Outage;
import java.security.Principal;
import java.util.Optional;
import javax.security.auth.callback.Callback;

/**
 * Soteria's AutoApplySession without the API: restores the caller kept in the HTTP session before
 * LoginToContinue (priority 220) would send a signed-in person back to the sign-in page, after {@link SessionGuard}
 * agreed that the session may go on; otherwise the sign-in ends and the request goes on as anonymous.
 * <p>
 * The sign-in ends by forgetting the caller (the container's cached identity, the guard's attributes), not by
 * invalidating the session: this runs before the servlet, where CDI's conversation context is already bound to the
 * session and LoginToContinue is about to keep the requested page in it. Invalidating a distributed session there was
 * seen to leave CDI unable to close that context (WELD-000717, then WELD-000335 on the worker thread's next request)
 * and a session cache transaction open until the node stopped (ISPN000100); a transaction left open holds up the
 * state transfer to a node joining the cluster (ISPN000658 in a rolling restart) and breaks later session reads on
 * its thread (ISPN000136). A later sign-in in the same browser gets a new session id anyway.
 */
@Interceptor
@PageSession
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class PageSessionInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Where WildFly's Elytron keeps the identity registered with the session ({@code registerSession}); logging out
     * does not remove it, and left there it would bring the ended sign-in's caller back on every request.
     */
    static final String CACHED_IDENTITY = "org.wildfly.elytron.web.undertow.server.servlet.ServletSecurityContextImpl$IdentityContainer";

    @Inject
    SessionGuard guard;

    @Inject
    SecurityLog securityLog;

    @AroundInvoke
    public Object intercept(InvocationContext invocation) throws Exception {
        if (!"validateRequest".equals(invocation.getMethod().getName())) {
            return invocation.proceed();
        }
        HttpServletRequest request = (HttpServletRequest) invocation.getParameters()[0];
        HttpMessageContext context = (HttpMessageContext) invocation.getParameters()[2];
        if (AppAuthenticationMechanism.usesBearer(request)) {
            return invocation.proceed();
        }
        Principal principal = request.getUserPrincipal();
        HttpSession session = request.getSession(false);
        if (principal != null && session != null) {
            Optional<String> end;
            try {
                end = guard.endReason(session);
            } catch (RuntimeException e) {
                if (!Outage.isDatabaseDown(e)) {
                    throw e;
                }
                Outage.answer(request, (jakarta.servlet.http.HttpServletResponse) invocation.getParameters()[1], e);
                return AuthenticationStatus.SEND_CONTINUE;   // the 503 is written: nothing else answers this request
            }
            if (end.isEmpty()) {
                context.getHandler().handle(new Callback[] {new CallerPrincipalCallback(context.getClientSubject(), principal)});
                return SUCCESS;
            }
            Long personId = SessionGuard.personOf(session);
            securityLog.sessionEnded(personId == null ? 0 : personId, end.get());
            guard.signedOut(session);
            session.removeAttribute(CACHED_IDENTITY);
            request.logout();
        }
        Object outcome = invocation.proceed();
        if (SUCCESS.equals(outcome)) {
            context.getMessageInfo().getMap().put("jakarta.servlet.http.registerSession", Boolean.TRUE.toString());
        }
        return outcome;
    }
}
