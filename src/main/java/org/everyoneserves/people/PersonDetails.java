package org.everyoneserves.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * What an admin types about a person, on the page and in the import. Faces validates each field as it is entered;
 * {@link PersonService} validates it again.
 */
public class PersonDetails implements java.io.Serializable {

    @NotBlank
    @Email
    @Size(max = Person.EMAIL_MAXLENGTH)
    private String email;

    @NotBlank
    @Size(max = Person.NAME_MAXLENGTH)
    private String firstName;

    @NotBlank
    @Size(max = Person.NAME_MAXLENGTH)
    private String lastName;

    private Long departmentId;

    private Long jobRoleId;

    @Email
    @Size(max = Person.EMAIL_MAXLENGTH)
    private String managerEmail;

    @NotNull
    private LocalDate startDate;

    @NotNull
    @Pattern(regexp = "en|de", message = "{validation.locale}")
    private String locale = "en";

    private boolean admin;

    private int version;

    public static PersonDetails of(Person person) {
        PersonDetails details = new PersonDetails();
        details.email = person.getEmail();
        details.firstName = person.getFirstName();
        details.lastName = person.getLastName();
        details.departmentId = person.getDepartment() == null ? null : person.getDepartment().getId();
        details.jobRoleId = person.getJobRole() == null ? null : person.getJobRole().getId();
        details.managerEmail = person.getManager() == null ? null : person.getManager().getEmail();
        details.startDate = person.getStartDate();
        details.locale = person.getLocale();
        details.admin = person.isAdmin();
        details.version = person.getVersion();
        return details;
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = Person.normaliseEmail(email); }
    public String getFirstName() { return firstName; }
    public void setFirstName(String firstName) { this.firstName = firstName; }
    public String getLastName() { return lastName; }
    public void setLastName(String lastName) { this.lastName = lastName; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public Long getJobRoleId() { return jobRoleId; }
    public void setJobRoleId(Long jobRoleId) { this.jobRoleId = jobRoleId; }
    public String getManagerEmail() { return managerEmail; }
    public void setManagerEmail(String managerEmail) { this.managerEmail = Person.normaliseEmail(managerEmail); }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public String getLocale() { return locale; }
    public void setLocale(String locale) { this.locale = locale; }
    public boolean isAdmin() { return admin; }
    public void setAdmin(boolean admin) { this.admin = admin; }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
