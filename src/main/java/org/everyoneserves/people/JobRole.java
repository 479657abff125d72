package org.everyoneserves.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person does. Curricula are attached to job roles by their code. */
@Entity
@Table(name = "job_role")
public class JobRole {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank
    @Size(max = Department.CODE_MAXLENGTH)
    @Pattern(regexp = Department.CODE_PATTERN, message = "{validation.code}")
    @Column(nullable = false, unique = true, length = Department.CODE_MAXLENGTH)
    private String code;

    @NotBlank
    @Size(max = Department.NAME_MAXLENGTH)
    @Column(nullable = false, unique = true, length = Department.NAME_MAXLENGTH)
    private String name;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @Version
    private int version;

    protected JobRole() {
    }

    public JobRole(String code, String name, Department department) {
        this.code = code;
        this.name = name;
        this.department = department;
    }

    public static JobRole blank() {
        return new JobRole();
    }

    public Long getId() { return id; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = Codes.normalise(code); }
    public String getName() { return name; }
    public void setName(String name) { this.name = name == null ? null : name.strip(); }
    public Department getDepartment() { return department; }
    void setDepartment(Department department) { this.department = department; }
    public int getVersion() { return version; }
}
