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
 * agreed that the session may go on; otherwise the session ends and the request goes on as anonymous.
 */
@Interceptor
@PageSession
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 210)
public class PageSessionInterceptor implements Serializable {

    private static final long serialVersionUID = 1L;

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
            session.invalidate();
        }
        Object outcome = invocation.proceed();
        if (SUCCESS.equals(outcome)) {
            context.getMessageInfo().getMap().put("jakarta.servlet.http.registerSession", Boolean.TRUE.toString());
        }
        return outcome;
    }
}
