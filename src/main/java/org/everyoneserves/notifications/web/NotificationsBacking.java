package org.everyoneserves.notifications.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.CurrentUser;

/** The header's count of unread notifications, and /learner/notifications.xhtml: what was sent, newest first. */
@Named
@RequestScoped
public class NotificationsBacking {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @Inject
    Caller caller;

    private Long unread;
    private List<Notification> list;

    public long getUnread() {
        if (unread == null) {
            unread = currentUser.isSignedIn() ? notifications.unread(caller) : 0;
        }
        return unread;
    }

    /** Shows the list; opening it changes nothing (a GET never does), the button marks it read. */
    public void load() {
        list = notifications.mine(caller, 200);
    }

    /** The person says they have seen them: none counts as new any more. */
    public String markAllRead() {
        notifications.markAllRead(caller);
        Messages.info("notifications.message.markedRead");
        return "/learner/notifications.xhtml?faces-redirect=true";
    }

    public List<Notification> getList() { return list; }
}
