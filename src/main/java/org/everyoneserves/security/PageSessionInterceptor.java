package org.everyoneserves.security;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.everyoneserves.platform.web.Outage;

/**
 * Soteria's AutoApplySession without the API, and without the server's copy of the caller: the HTTP session holds only
 * what {@link SessionGuard} recorded at sign-in (the person, their access version, when), and every request is signed
 * in again from it, before LoginToContinue (priority 220) would send a signed-in person back to the sign-in page, with
 * the roles the guard derived from the database for this request. The server's own cached identity (registerSession)
 * is not used: it would add the roles of the sign-in to those of every later request, so rights taken would stay until
 * the session ends. When the guard says the session must end, the sign-in ends and the request goes on as anonymous.
 * <p>
 * The sign-in ends by forgetting the caller (the guard's attributes), not by
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
        HttpSession session = request.getSession(false);
        Long personId = session == null ? null : SessionGuard.personOf(session);
        if (personId != null) {
            SessionGuard.Verdict verdict;
            try {
                verdict = guard.check(session);
            } catch (RuntimeException e) {
                if (!Outage.isDatabaseDown(e)) {
                    throw e;
                }
                Outage.answer(request, (jakarta.servlet.http.HttpServletResponse) invocation.getParameters()[1], e);
                return AuthenticationStatus.SEND_CONTINUE;   // the 503 is written: nothing else answers this request
            }
            if (verdict.goesOn()) {
                return context.notifyContainerAboutLogin(String.valueOf(personId), verdict.groups());
            }
            securityLog.sessionEnded(personId, verdict.endReason());
            guard.signedOut(session);
            request.logout();
        }
        return invocation.proceed();
    }
}
