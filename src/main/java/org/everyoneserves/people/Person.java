package org.everyoneserves.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.everyoneserves.platform.BusinessException;

/**
 * An employee. The organisation tree comes from {@link #getManager() managers}: a manager is anyone with reports.
 * The manager chain never loops ({@link #reportTo(Person)} refuses it).
 */
@Entity
@EntityListeners(PersonTimestamps.class)
@Table(name = "person")
public class Person {

    public static final int EMAIL_MAXLENGTH = 254;
    public static final int NAME_MAXLENGTH = 100;
    public static final Set<String> LOCALES = Set.of("en", "de");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Email
    @Size(max = EMAIL_MAXLENGTH)
    @Column(nullable = false, unique = true, length = EMAIL_MAXLENGTH)
    private String email;

    @NotBlank
    @Size(max = NAME_MAXLENGTH)
    @Column(name = "first_name", nullable = false, length = NAME_MAXLENGTH)
    private String firstName;

    @NotBlank
    @Size(max = NAME_MAXLENGTH)
    @Column(name = "last_name", nullable = false, length = NAME_MAXLENGTH)
    private String lastName;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "job_role_id")
    private JobRole jobRole;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Person manager;

    @NotNull
    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @NotNull
    @Pattern(regexp = "en|de", message = "{validation.locale}")
    @Column(nullable = false, length = 8)
    private String locale = "en";

    @Column(nullable = false)
    private boolean active = true;

    @Column(nullable = false)
    private boolean admin;

    /**
     * Raised when the person's sign-ins must end (deactivated, reactivated, a new password): sessions signed in before it
     * end. Roles need no raise: sessions read them afresh on every request.
     */
    @Column(name = "access_version", nullable = false)
    private int accessVersion;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    @Column(name = "erased_at")
    private Instant erasedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Person() {
    }

    public Person(String email, String firstName, String lastName, LocalDate startDate) {
        setEmail(email);
        setFirstName(firstName);
        setLastName(lastName);
        this.startDate = startDate;
    }

    public static Person blank(LocalDate startDate) {
        Person person = new Person();
        person.startDate = startDate;
        return person;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Makes {@code newManager} this person's manager. Refuses a chain that would come back to this person:
     * nobody reports to themselves, directly or through others.
     */
    public void reportTo(Person newManager) {
        for (Person up = newManager; up != null; up = up.getManager()) {
            if (up == this || (id != null && id.equals(up.getId()))) {
                throw new BusinessException(BusinessException.Kind.INVALID, "people.error.managerCycle",
                        newManager.getDisplayName());
            }
        }
        this.manager = newManager;
    }

    public void deactivate(Instant at) {
        if (active) {
            accessVersion++;
            this.active = false;
            this.deactivatedAt = at;
        }
    }

    /** Refused once the person was erased: nobody is left to come back. */
    public void reactivate() {
        if (erasedAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "people.error.erased");
        }
        if (!active) {
            accessVersion++;
        }
        this.active = true;
        this.deactivatedAt = null;
    }

    /**
     * Replaces the name and e-mail by a pseudonym for good; the row stays, so that counts, reporting lines and other
     * people's records that point at it stay correct. Deactivates first.
     */
    public void erase(Instant at) {
        deactivate(at);
        this.firstName = org.everyoneserves.platform.PersonalData.ERASED_NAME;
        this.lastName = "#" + id;
        this.email = "erased-" + id + "@erased.invalid";
        this.admin = false;
        this.erasedAt = at;
    }

    public boolean isErased() { return erasedAt != null; }
    public Instant getDeactivatedAt() { return deactivatedAt; }

    /** Stamps the creation (once) and the last change; {@link PersonTimestamps} calls it with the application's clock. */
    void touch(Instant now) {
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    public String getDisplayName() {
        return firstName + " " + lastName;
    }

    public Long getId() { return id; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = normaliseEmail(email); }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName == null ? null : firstName.strip(); }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName == null ? null : lastName.strip(); }
    public Department getDepartment() { return department; }
    public void setDepartment(Department department) { this.department = department; }
    public JobRole getJobRole() { return jobRole; }
    public void setJobRole(JobRole jobRole) { this.jobRole = jobRole; }
    public Person getManager() { return manager; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public boolean isActive() { return active; }
    public boolean isAdmin() { return admin; }
    /** Granting or taking admin rights counts from the person's next request: sessions re-read their roles on each. */
    public void setAdmin(boolean admin) {
        this.admin = admin;
    }
    public int getAccessVersion() { return accessVersion; }
    public Instant getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
