/**
 * What the platform tells people, once: notifications in the application and by e-mail through WildFly's mail
 * session, sent after each scheduled run. Owns the {@code notification} table.
 *
 * <p>May call: people, platform.
 */
package org.everyoneserves.notifications;
